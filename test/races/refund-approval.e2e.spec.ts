import { agent, buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder, postRefund } from '../support/refunds';
import {
  countOf,
  expectProblemDocuments,
  expectReconciled,
  ledgerEntriesOf,
  openConnections,
  outcomes,
  ownKey,
  RACERS,
  reconciliation,
  refused,
  simultaneously,
  succeeded,
  timelineOf,
} from '../support/races';

const AMOUNT = 40_000;

/* One approval per refund: one answer wins, its money moves once, the ledger books it once. */
describe('race: one approval per refund', () => {
  const t = useTestSystem('each');

  /** A delivered order (101000 paid) with a refund-only request of 400 CNY waiting for the merchant. */
  async function waitingRefund(): Promise<{ orderId: string; refundId: string }> {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.settle();
    const requested = await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: AMOUNT }, buyer, {
      'idempotency-key': `rf-${order.id}`,
    });
    if (requested.status !== 201) throw new Error(`request refund: ${requested.status} ${JSON.stringify(requested.body)}`);
    await t.settle();
    return { orderId: order.id, refundId: requested.body.id };
  }

  it('given a refund waiting for the merchant, when 50 approvals arrive at once, then one is taken (200), 49 are 409 naming the moved-on status, and the refund is paid once', async () => {
    const { orderId, refundId } = await waitingRefund();
    await openConnections(t.api, `/refunds/${refundId}`);

    const answers = await simultaneously(RACERS, (i) =>
      t.api.post(`/refunds/${refundId}/approval`, {}, agent, ownKey(`approve-${refundId}`, i)),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 200: 1, '409 illegal_transition': RACERS - 1 });
    expectProblemDocuments(answers);
    expect(refused(answers).filter((a) => !['refunding', 'succeeded'].includes(a.body.currentStatus))).toEqual([]);
    expect(succeeded(answers)[0].body).toMatchObject({ status: 'refunding', payment: { trigger: 'approved' } });
    const stream = (await t.api.get(`/refunds/${refundId}/events`)).body.events as any[];
    expect(countOf(stream, 'RefundApproved', 'RefundPaid')).toEqual({ RefundApproved: 1, RefundPaid: 1 });
    expect(countOf(await timelineOf(t.api, orderId), 'RefundApproved', 'PayoutRequested', 'PayoutSucceeded', 'RefundPaid')).toEqual({
      RefundApproved: 1,
      PayoutRequested: 1,
      PayoutSucceeded: 1,
      RefundPaid: 1,
    });
    expect((await t.api.get(`/refunds/${refundId}`)).body).toMatchObject({ status: 'succeeded', closeReason: 'refunded' });
    const entries = await ledgerEntriesOf(t.api, orderId);
    expect(entries.map((e) => [e.kind, e.amount])).toEqual([['refund', AMOUNT]]);
    const ledger = await reconciliation(t.api);
    expectReconciled(ledger);
    expect(ledger.payouts).toMatchObject({ count: 1, byKind: { refund: { count: 1, amount: AMOUNT } } });
  });

  it('given a refund waiting for the merchant, when 25 approvals and 25 rejections arrive at once, then exactly one answer is taken and money moves only if it was an approval', async () => {
    const { orderId, refundId } = await waitingRefund();
    await openConnections(t.api, `/refunds/${refundId}`);

    const answers = await simultaneously(RACERS, (i) =>
      i % 2 === 0
        ? t.api.post(`/refunds/${refundId}/approval`, {}, agent, ownKey(`approve-${refundId}`, i))
        : t.api.post(`/refunds/${refundId}/rejection`, { reason: `not convinced ${i}` }, agent, ownKey(`reject-${refundId}`, i)),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 200: 1, '409 illegal_transition': RACERS - 1 });
    expectProblemDocuments(answers);
    const approved = answers.indexOf(succeeded(answers)[0]) % 2 === 0;
    const stream = (await t.api.get(`/refunds/${refundId}/events`)).body.events as any[];
    expect(countOf(stream, 'RefundApproved', 'RefundRejected', 'RefundPaid')).toEqual(
      approved ? { RefundApproved: 1, RefundRejected: 0, RefundPaid: 1 } : { RefundApproved: 0, RefundRejected: 1, RefundPaid: 0 },
    );
    expect((await t.api.get(`/refunds/${refundId}`)).body.status).toBe(approved ? 'succeeded' : 'rejected');
    expect((await ledgerEntriesOf(t.api, orderId)).map((e) => [e.kind, e.amount])).toEqual(approved ? [['refund', AMOUNT]] : []);
    const ledger = await reconciliation(t.api);
    expectReconciled(ledger);
    expect(ledger.payouts.count).toBe(approved ? 1 : 0);
  });
});
