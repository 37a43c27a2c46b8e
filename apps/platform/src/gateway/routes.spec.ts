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
  ])('given %s, then it goes to %s', (path, service) => {
    expect(routes.serviceOf(path)).toBe(service);
  });

  it.each(['/', '/nothing', '/admin/settle', '/shipment/s-1'])('given %s that no service names first, then it goes nowhere', (path) => {
    expect(routes.serviceOf(path)).toBeUndefined();
  });
});
