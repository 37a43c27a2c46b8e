import { SERVICE_CATALOG } from '../service-catalog';
import { RouteTable } from './routes';

describe('the gateway’s routes', () => {
  const routes = new RouteTable(SERVICE_CATALOG);

  it.each([
    ['/orders', 'order'],
    ['/orders/ord_1', 'order'],
    ['/orders/ord_1/payment', 'order'],
    ['/orders/ord_1/events', 'order'],
    ['/orders/ord_1/shipments', 'logistics'],
    ['/orders/ord_1/refunds', 'refund'],
    ['/orders/ord_1/compensations', 'refund'],
    ['/orders/ord_1/timeline', 'timeline'],
    ['/orders/ord_1/disputes', 'dispute'],
    ['/disputes', 'dispute'],
    ['/disputes/dsp_1/remedies/rem-1/acceptance', 'dispute'],
    ['/shipments', 'logistics'],
    ['/shipments/shp_1/dispatch', 'logistics'],
    ['/carrier-events', 'logistics'],
    ['/refunds/ref_1/return-shipment', 'refund'],
    ['/refunds/ref_1/events', 'refund'],
    ['/ledger/entries', 'refund'],
    ['/payouts/p-1', 'refund'],
    ['/admin/payment-provider/payments', 'refund'],
    ['/admin/audit/compensations/verify', 'refund'],
    ['/shops/shop-1/penalty-points', 'dispute'],
    ['/admin/audit/penalties/verify', 'dispute'],
    ['/reviews', 'review'],
    ['/reviews/rev_1/moderation', 'review'],
    ['/orders/ord_1/review', 'review'],
    ['/shops/shop-1/reviews', 'review'],
    ['/shops/shop-1/rating', 'review'],
    ['/review-follow-ups/rfu_1/contact', 'review'],
  ])('given %s, then it goes to %s', (path, service) => {
    expect(routes.serviceOf(path)).toBe(service);
  });

  it.each(['/', '/nothing', '/admin/settle', '/shipment/s-1', '/shops/shop-1', '/shops/shop-1/coupons'])('given %s that no service names first, then it goes nowhere', (path) => {
    expect(routes.serviceOf(path)).toBeUndefined();
  });
});
