import type { EventEnvelope } from '@aftersales/contracts';
import { recorded } from '../testing/recorded';
import { nextOrderPayments, type OrderPaymentsDoc } from './order-payments.projection';

const ORDER = 'ord_1';
const orderEvent = (revision: number, type: string, data: Record<string, unknown> = {}): EventEnvelope =>
  recorded(`order-${ORDER}`, revision, { type, data: { orderId: ORDER, ...data } });

/** Folds order events into the view, as the consumer does one by one. */
const viewAfter = (events: EventEnvelope[]): OrderPaymentsDoc | undefined =>
  events.reduce<OrderPaymentsDoc | undefined>((doc, event) => nextOrderPayments(doc, event) ?? doc, undefined);

describe('order_payments view', () => {
  it('given an online order is placed, then it awaits payment; once paid, it awaits shipment', () => {
    const placed = orderEvent(0, 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' });
    expect(viewAfter([placed])).toEqual({ id: ORDER, status: 'awaiting_payment', paymentMethod: 'online', revision: 0 });
    expect(viewAfter([placed, orderEvent(1, 'OrderPaid')])).toMatchObject({ status: 'awaiting_shipment', revision: 1 });
  });

  it('given an order is placed, then the view keeps its buyer and shop through later events (the edge checks staff against them)', () => {
    const placed = orderEvent(0, 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online', buyerId: 'buyer-1', shopId: 'shop-1' });
    expect(viewAfter([placed, orderEvent(1, 'OrderPaid')])).toMatchObject({ buyerId: 'buyer-1', shopId: 'shop-1', status: 'awaiting_shipment' });
  });

  it('given a cash-on-delivery order is placed, then it can be shipped at once', () => {
    expect(viewAfter([orderEvent(0, 'OrderPlaced', { status: 'awaiting_shipment', paymentMethod: 'cod' })])).toMatchObject({
      status: 'awaiting_shipment',
      paymentMethod: 'cod',
    });
  });

  it('given the payment arrives before the placement (redelivery), then the older placement changes nothing', () => {
    const paid = orderEvent(1, 'OrderPaid');
    const placed = orderEvent(0, 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' });
    expect(nextOrderPayments(viewAfter([paid]), placed)).toBeUndefined();
    expect(viewAfter([paid, placed])).toMatchObject({ status: 'awaiting_shipment', revision: 1 });
  });

  it('follows the order through shipped, delivered and completed, and a close ends it', () => {
    const placed = orderEvent(0, 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' });
    const path = [placed, orderEvent(1, 'OrderPaid'), orderEvent(2, 'OrderShipped'), orderEvent(3, 'OrderDelivered')];
    expect(viewAfter(path)?.status).toBe('delivered');
    expect(viewAfter([...path, orderEvent(4, 'ReceiptConfirmed')])?.status).toBe('completed');
    expect(viewAfter([placed, orderEvent(1, 'OrderClosed', { reason: 'unpaid_timeout' })])?.status).toBe('closed');
  });

  it('given an online order came back to the merchant, then it awaits shipment again; a COD one waits for its close', () => {
    const online = [
      orderEvent(0, 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' }),
      orderEvent(1, 'OrderPaid'),
      orderEvent(2, 'OrderShipped'),
      orderEvent(3, 'OrderReturnedToMerchant', { paymentMethod: 'online' }),
    ];
    expect(viewAfter(online)?.status).toBe('awaiting_shipment');
    const cod = [
      orderEvent(0, 'OrderPlaced', { status: 'awaiting_shipment', paymentMethod: 'cod' }),
      orderEvent(1, 'OrderShipped'),
      orderEvent(2, 'OrderReturnedToMerchant', { paymentMethod: 'cod' }),
    ];
    expect(viewAfter(cod)?.status).toBe('shipped');
    expect(viewAfter([...cod, orderEvent(3, 'OrderClosed', { reason: 'returned_to_merchant' })])?.status).toBe('closed');
  });

  it('ignores order events that do not change whether the order can be shipped', () => {
    expect(nextOrderPayments(undefined, orderEvent(5, 'OrderNoteAdded'))).toBeUndefined();
  });
});
