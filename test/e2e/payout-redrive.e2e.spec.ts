import { agent, finance, ops, supervisor, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { payOrder, placeOrder } from '../support/orders';
import { getRefund, paidOrder, refundCommand, requestRefund, timelineOf, withKey } from '../support/refunds';

const why = { reason: 'The buyer opened a new payment account (ticket CS-4411)' };

const failedPayouts = async (api: HttpClient, orderId: string) => (await api.get(`/payouts?status=failed&orderId=${orderId}`)).body.items as any[];
const paymentsFor = async (api: HttpClient, payoutId: string) =>
  ((await api.get('/admin/payment-provider/payments')).body.payments as any[]).filter((p) => p.idempotencyKey === payoutId);

describe('finance re-drives a payout the provider gave up on, through HTTP', () => {
  const t = useTestSystem();

  it('given a late-shipment compensation whose payout the provider refused for good, when finance lists the failed payouts and re-drives it, then it is paid exactly once and the compensation completes, booked balanced', async () => {
    // given: the buyer's account is refused when the compensation is paid out
    await t.api.post('/admin/payment-provider/faults', { reject: 1 }, ops);
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    await t.advance({ hours: 72, minutes: 1 });
    const compensationId = `cmp_late_${order.id}`;
    const payoutId = `payout-compensation-${compensationId}`;
    expect((await t.api.get(`/payouts/${payoutId}`)).body).toMatchObject({ status: 'failed', failedAttempts: 1, lastError: { code: 'account_closed' } });
    expect((await t.api.get(`/compensations/${compensationId}`)).body.status).toBe('payout_pending');

    // when: finance finds it among the failed payouts
    const failed = await failedPayouts(t.api, order.id);
    expect(failed.map((p) => [p.id, p.status, p.amount])).toEqual([[payoutId, 'failed', 3000]]);
    expect((await t.api.get(`/payouts?status=paid&orderId=${order.id}`)).body.items).toEqual([]);

    // and: an agent may not re-drive it
    const byAgent = await t.api.post(`/payouts/${payoutId}/retry`, why, agent, withKey());
    expect(byAgent.status).toBe(403);
    expect(byAgent.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(byAgent.body).toMatchObject({ code: 'forbidden', rule: 'payout.redrive_by_finance_or_supervisor', allowedRoles: ['finance', 'supervisor'] });
    expect((await t.api.get(`/payouts/${payoutId}`)).body.status).toBe('failed');

    // and: finance re-drives it with the provider healthy again
    const retried = await t.api.post(`/payouts/${payoutId}/retry`, why, finance, { 'idempotency-key': 'redrive-1' });
    const replayed = await t.api.post(`/payouts/${payoutId}/retry`, why, finance, { 'idempotency-key': 'redrive-1' });
    const again = await t.api.post(`/payouts/${payoutId}/retry`, why, finance, { 'idempotency-key': 'redrive-2' });
    await t.settle();

    // then: paid by the attempt the re-drive made; the replay records nothing; a second re-drive is refused
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: payoutId, status: 'paid', failedAttempts: 1, eventIds: [expect.any(String)] });
    expect(retried.headers.get('etag')).toBe(`"${retried.body.revision}"`);
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.eventIds).toEqual(retried.body.eventIds);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'payout.not_failed', currentStatus: 'paid' });

    expect((await t.api.get(`/payouts/${payoutId}`)).body).toMatchObject({
      status: 'paid',
      providerRef: expect.any(String),
      retries: [{ requestedBy: finance, reason: why.reason, previousAttempts: 1, lastError: { code: 'account_closed' } }],
    });
    expect(await failedPayouts(t.api, order.id)).toEqual([]);
    expect((await t.api.get(`/compensations/${compensationId}`)).body).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
    expect((await paymentsFor(t.api, payoutId)).map((p) => p.amount)).toEqual([3000]);
    const timeline = await timelineOf(t.api, order.id);
    expect(timeline.filter((e) => e === 'refund:PayoutSucceeded')).toHaveLength(1);
    expect(timeline.filter((e) => e === 'refund:CompensationPaidOut')).toHaveLength(1);
    expect((await t.api.get('/ledger/reconciliation')).body).toMatchObject({ balanced: true, matchesPayouts: true, payouts: { count: 1 } });

    // and: its timers are done: time passing pays nothing more
    await t.advance({ hours: 2 });
    expect(await paymentsFor(t.api, payoutId)).toHaveLength(1);
  });

  it('given a refund whose payout was refused for good, when a supervisor re-drives it, then the refund is paid once and succeeds', async () => {
    // given
    await t.api.post('/admin/payment-provider/faults', { reject: 1 }, ops);
    const { order } = await paidOrder(t.api, 'paid');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'other', amount: order.total, description: 'Ordered twice' });
    const approved = await refundCommand(t.api, refund.id, 'approval');
    await t.settle();
    const payoutId = approved.payment.payoutId as string;
    expect((await t.api.get(`/payouts/${payoutId}`)).body).toMatchObject({ status: 'failed', kind: 'refund', refundId: refund.id });
    expect((await getRefund(t.api, refund.id)).status).toBe('refunding');

    // when
    expect((await failedPayouts(t.api, order.id)).map((p) => p.id)).toEqual([payoutId]);
    const retried = await t.api.post(`/payouts/${payoutId}/retry`, why, supervisor, withKey());
    await t.settle();

    // then
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('paid');
    expect(await getRefund(t.api, refund.id)).toMatchObject({ status: 'succeeded', payment: { paidAt: expect.any(String) } });
    expect((await paymentsFor(t.api, payoutId)).map((p) => p.amount)).toEqual([order.total]);
    expect((await timelineOf(t.api, order.id)).filter((e) => e === 'refund:RefundPaid')).toHaveLength(1);
    expect((await t.api.get('/ledger/reconciliation')).body).toMatchObject({ balanced: true, matchesPayouts: true, payouts: { count: 1 } });
  });

  it('given bad input, then the list and the re-drive answer problem+json and change nothing', async () => {
    for (const query of ['status=lost', 'limit=0', 'limit=101', 'colour=red']) {
      const answer = await t.api.get(`/payouts?${query}`);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await t.api.get('/payouts?status=failed&limit=5')).status).toBe(200);

    const unknown = await t.api.post('/payouts/payout-nope/retry', why, finance, withKey());
    expect(unknown.status).toBe(404);
    const noReason = await t.api.post('/payouts/payout-nope/retry', { reason: '' }, finance, withKey());
    expect(noReason.status).toBe(400);
    const longReason = await t.api.post('/payouts/payout-nope/retry', { reason: 'x'.repeat(501) }, finance, withKey());
    expect(longReason.status).toBe(400);
  });
});
