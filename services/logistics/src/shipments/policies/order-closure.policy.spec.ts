import { recorded } from '../testing/recorded';
import { undispatchedCancellationOf } from './order-closure.policy';

const orderEvent = (type: string, data: Record<string, unknown> = {}) => recorded('order-ord_1', 3, { type, data: { orderId: 'ord_1', ...data } });

describe('what an order event asks of its shipments', () => {
  it('given the order was closed (refunded in full), when OrderClosed arrives, then its undispatched shipments are cancelled, naming why', () => {
    expect(undispatchedCancellationOf(orderEvent('OrderClosed', { reason: 'refunded_in_full' }))).toEqual({
      orderId: 'ord_1',
      reason: 'order closed: refunded_in_full',
    });
  });

  it('given the close names no reason, when OrderClosed arrives, then the cancellation says the reason is unknown', () => {
    expect(undispatchedCancellationOf(orderEvent('OrderClosed'))?.reason).toBe('order closed: unknown');
  });

  it('given any other order event (the order was paid), when it arrives, then no shipment is cancelled', () => {
    expect(undispatchedCancellationOf(orderEvent('OrderPaid'))).toBeUndefined();
  });
});
