import { buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { cupExchangeShippedBack, getRefund, paidOrder, postRefund, refundCommand, requestRefund, returnAddress } from '../support/refunds';

const DAY_MS = 86_400_000;
const rulebookVersion = '2026-12-v5';

/** Every timeout of the brief, through HTTP with the manual clock: each deadline fires at its own time, by the scheduler. */
describe('refund timeouts through HTTP (manual clock, durable timers)', () => {
  const t = useTestSystem();

  /** Lets `days` pass: an hour before they are over the refund is still `statusBefore`; then the deadline is reached. */
  const letDeadlinePass = async (refundId: string, days: number, statusBefore: string): Promise<void> => {
    await t.advance({ days: days - 1, hours: 23 });
    expect((await getRefund(t.api, refundId)).status).toBe(statusBefore);
    await t.advance({ hours: 1 });
  };

  const eventsOf = async (refundId: string): Promise<any[]> => (await t.api.get(`/refunds/${refundId}/events`)).body.events;

  it('given a merchant silent for 5 days, then the request is approved automatically and a refund only is paid', async () => {
    const { order } = await paidOrder(t.api, 'paid');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'other', amount: 101_000 });
    expect(Date.parse(refund.deadlines.merchantRespondBy) - Date.parse(refund.requestedAt)).toBe(5 * DAY_MS);

    await letDeadlinePass(refund.id, 5, 'waiting_merchant');

    expect(await getRefund(t.api, refund.id)).toMatchObject({ status: 'succeeded', approval: { by: 'auto_timeout', rulebookVersion } });
    const approved = (await eventsOf(refund.id)).find((e) => e.type === 'RefundApproved');
    expect(approved).toMatchObject({
      occurredAt: refund.deadlines.merchantRespondBy,
      actor: { id: 'scheduler', role: 'system' },
      data: { approval: 'auto_timeout' },
    });
    expect((await t.api.get(`/orders/${order.id}`)).body).toMatchObject({ status: 'closed', closeReason: 'refunded_in_full' });
  });

  it('given an approved return the buyer does not ship within 7 days, then the request closes', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'return_and_refund', reason: 'quality', amount: 40_000 });
    const approved = await refundCommand(t.api, refund.id, 'approval', { returnAddress });

    await letDeadlinePass(refund.id, 7, 'waiting_buyer_return');

    expect(await getRefund(t.api, refund.id)).toMatchObject({
      status: 'closed',
      closeReason: 'buyer_return_timeout',
      closedAt: approved.deadlines.returnShipBy,
    });
    const closed = (await eventsOf(refund.id)).find((e) => e.type === 'RefundClosed');
    expect(closed.data).toMatchObject({ reason: 'buyer_return_timeout', rulebookVersion });
    const late = await t.api.post(`/refunds/${refund.id}/return-shipment`, { carrier: 'YTO', trackingNo: 'YT-LATE' }, buyer);
    expect(late.status).toBe(409);
  });

  it('given a shipped return the merchant does not confirm within 10 days of its dispatch, then it is refunded automatically', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'return_and_refund', reason: 'damaged', amount: 40_000 });
    await refundCommand(t.api, refund.id, 'approval', { returnAddress });
    await t.advance({ days: 2 });
    const shipped = await refundCommand(t.api, refund.id, 'return-shipment', { carrier: 'YTO', trackingNo: `YT-${order.id}` }, buyer);
    expect(Date.parse(shipped.deadlines.merchantConfirmBy) - Date.parse(shipped.returnShipment.shippedAt)).toBe(10 * DAY_MS);

    await letDeadlinePass(refund.id, 10, 'waiting_merchant_receipt');

    expect(await getRefund(t.api, refund.id)).toMatchObject({
      status: 'succeeded',
      payment: { trigger: 'return_confirm_timeout', authorizedAt: shipped.deadlines.merchantConfirmBy, rulebookVersion },
    });
    const paid = (await eventsOf(refund.id)).find((e) => e.type === 'RefundPaid');
    expect(paid.data).toMatchObject({ trigger: 'return_confirm_timeout', amount: 40_000, rulebookVersion });
  });

  it('given an exchange the merchant does not confirm in time, then the replacement order is placed automatically', async () => {
    const { order, refund } = await cupExchangeShippedBack(t.api, 'quality', 'YTE');
    await t.advance({ days: 10 });

    const exchanged = await getRefund(t.api, refund.id);
    expect(exchanged).toMatchObject({ status: 'succeeded', closeReason: 'exchange_fulfilled' });
    expect((await t.api.get(`/orders/${exchanged.replacementOrderId}`)).body).toMatchObject({
      replacesOrderId: order.id,
      status: 'awaiting_shipment',
    });
  });

  it('given a rejection the buyer does not escalate within 7 days, then the request closes; a late escalation is 409', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'not_as_described', amount: 30_000 });
    const rejected = await refundCommand(t.api, refund.id, 'rejection', { reason: 'As described in the listing' });

    await letDeadlinePass(refund.id, 7, 'rejected');

    expect(await getRefund(t.api, refund.id)).toMatchObject({
      status: 'closed',
      closeReason: 'escalation_window_expired',
      closedAt: rejected.deadlines.escalateBy,
    });
    const late = await t.api.post(`/refunds/${refund.id}/escalation`, { description: 'too late' }, buyer);
    expect(late.status).toBe(409);
    // the closed request gave its amount back
    expect(
      (await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 101_000 })).status,
    ).toBe(201);
  });
});
