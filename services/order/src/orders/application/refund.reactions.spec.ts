import type { EventEnvelope } from '@aftersales/contracts';
import type { CommandContext } from '@aftersales/kernel';
import { busEvent } from '../testing/bus-events';
import { orderServicePerTest, placePaidOrder } from '../testing/in-memory-platform';
import { ORDER_TOTAL, placeOrderInput as order, replacementOfOneCup } from '../testing/order-fixtures';

const buyer: CommandContext = { actor: { id: 'buyer-1', role: 'buyer' } };
const trace = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };

/** A refund-topic event as the bus delivers it to group `order`. */
const refundEvent = (type: string, data: Record<string, unknown>, eventId = `rf-${type}`): EventEnvelope =>
  busEvent(type, data, {
    eventId,
    streamId: `refund-${String(data.refundId)}`,
    revision: 4,
    position: 200,
    occurredAt: '2026-11-06T08:00:00.000Z',
    recordedAt: '2026-11-06T08:00:00.000Z',
    correlationId: 'corr-refund',
    causationId: 'evt-before',
    trace,
  });
const replacementCreated = (orderId: string, items = [{ sku: 'cup', quantity: 1 }]) =>
  refundEvent('ExchangeReplacementOrderCreated', {
    refundId: 'rfd_x1',
    orderId,
    replacementOrderId: 'ord_rfd_x1r',
    items,
    createdAt: '2026-11-06T08:00:00.000Z',
  });
const allowanceSettled = (orderId: string, refundedTotal: number, refundedInFull: boolean) =>
  refundEvent('RefundAllowanceSettled', {
    orderId,
    refundId: 'rfd_1',
    amount: refundedTotal,
    payoutId: 'pay_refund_rfd_1',
    refundedTotal,
    reservedTotal: 0,
    paidAmount: ORDER_TOTAL,
    refundedInFull,
    currency: 'CNY',
    sourceEventId: 'evt-payout',
    settledAt: '2026-11-06T08:00:00.000Z',
  });

/** The refund service decided it: the order's events say so, in the refund's correlation and trace. */
const decidedByTheRefund = (event: EventEnvelope) => ({
  actor: { id: 'refund', role: 'system' },
  causationId: event.eventId,
  correlationId: 'corr-refund',
  trace,
});

describe('order service: reactions to the refund topic (group order)', () => {
  const app = orderServicePerTest();

  const typesOf = async (orderId: string) => (await app.service.orderStream(orderId)).map((e) => e.type);

  it('given an exchange, when ExchangeReplacementOrderCreated arrives twice, then the replacement is placed once, copied from the original, on behalf of the refund', async () => {
    const original = await placePaidOrder(app.service, buyer);
    const created = replacementCreated(original);

    const first = await app.service.onRefundEvent(created);
    const again = await app.service.onRefundEvent(created);
    await app.env.platform.settle();

    expect(first).toEqual({ outcome: 'applied', eventIds: [expect.any(String)], replayed: false });
    expect(again).toEqual({ outcome: 'applied', eventIds: first.outcome === 'applied' ? first.eventIds : [], replayed: true });
    const [placed, ...more] = await app.service.orderStream('ord_rfd_x1r');
    expect(more).toEqual([]);
    expect(placed).toMatchObject({ type: 'OrderPlaced', ...decidedByTheRefund(created) });
    expect(await app.service.getOrder('ord_rfd_x1r')).toMatchObject(replacementOfOneCup(original));
    expect(await app.env.platform.eventStore.findCommandKey(`consumer:order:${created.eventId}`)).toMatchObject({
      streamId: 'order-ord_rfd_x1r',
    });
  });

  it('given lines the original order does not have, when the replacement is asked, then the refusal is reported and nothing is placed', async () => {
    const original = await placePaidOrder(app.service, buyer);

    const outcome = await app.service.onRefundEvent(replacementCreated(original, [{ sku: 'nope', quantity: 1 }]));

    expect(outcome).toEqual({ outcome: 'refused', code: 'invalid_input', message: expect.any(String) });
    expect(await typesOf('ord_rfd_x1r')).toEqual([]);
  });

  it('given a paid order, when the allowance settles refunded in full (twice), then the order closes refunded in full once, on behalf of the refund', async () => {
    const orderId = await placePaidOrder(app.service, buyer);
    const settled = allowanceSettled(orderId, ORDER_TOTAL, true);

    const first = await app.service.onRefundEvent(settled);
    const again = await app.service.onRefundEvent(settled);
    await app.env.platform.settle();

    expect(first).toMatchObject({ outcome: 'applied', replayed: false });
    expect(again).toMatchObject({ outcome: 'applied', replayed: true });
    expect(await typesOf(orderId)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderClosed']);
    const closed = (await app.service.orderStream(orderId))[2];
    expect(closed).toMatchObject({ data: { reason: 'refunded_in_full' }, ...decidedByTheRefund(settled) });
    expect(await app.service.getOrder(orderId)).toMatchObject({ status: 'closed', closeReason: 'refunded_in_full' });
    expect(await app.env.platform.eventStore.findCommandKey(`consumer:order:${settled.eventId}`)).toMatchObject({
      streamId: `order-${orderId}`,
    });
  });

  it('given a partial refund, when the allowance settles, then the reaction ignores it and the order stays open', async () => {
    const orderId = await placePaidOrder(app.service, buyer);

    expect(await app.service.onRefundEvent(allowanceSettled(orderId, 3550, false))).toEqual({ outcome: 'ignored' });
    expect(await typesOf(orderId)).toEqual(['OrderPlaced', 'OrderPaid']);
  });

  it('given an order nobody paid, when refunded in full arrives, then the reaction reports the refusal instead of failing the consumer', async () => {
    const orderId = (await app.service.placeOrder(order, buyer)).state!.id;

    const outcome = await app.service.onRefundEvent(allowanceSettled(orderId, ORDER_TOTAL, true));

    expect(outcome).toEqual({ outcome: 'refused', code: 'illegal_transition', message: expect.stringContaining('awaiting_payment') });
    expect(await typesOf(orderId)).toEqual(['OrderPlaced']);
  });

  it('given another refund event (the buyer shipped the return), when it arrives, then the order ignores it', async () => {
    const orderId = await placePaidOrder(app.service, buyer);
    const shipped = refundEvent('RefundReturnShipped', { refundId: 'rfd_1', orderId, carrier: 'yto', trackingNo: 'YT1' });

    expect(await app.service.onRefundEvent(shipped)).toEqual({ outcome: 'ignored' });
    expect(await typesOf(orderId)).toEqual(['OrderPlaced', 'OrderPaid']);
  });
});
