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

const PAID = 101_000;
const SHARE = 30_000;

/* Never more refunded than paid: racing requests reserve from one allowance; what is paid out never exceeds the payment. */
describe('race: never more refunded than paid', () => {
  const t = useTestSystem('each');

  it('given an order paid 101000, when 50 requests of 30000 arrive at once, then exactly 3 are recorded (201) and 47 are 422 naming the 11000 left; paying them out refunds 90000', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.settle();
    await openConnections(t.api, `/orders/${order.id}/refunds`);

    const answers = await simultaneously(RACERS, (i) =>
      postRefund(
        t.api,
        { orderId: order.id, type: 'refund_only', reason: 'quality', amount: SHARE },
        buyer,
        ownKey(`share-${order.id}`, i),
      ),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 201: 3, '422 refund.amount_exceeds_refundable': RACERS - 3 });
    expectProblemDocuments(answers);
    expect(
      refused(answers).filter((a) => a.body.rule !== 'refund.amount_exceeds_refundable' || a.body.refundable !== PAID - 3 * SHARE),
    ).toEqual([]);
    const recorded = succeeded(answers).map((a) => a.body.id);
    expect(((await t.api.get(`/orders/${order.id}/refunds`)).body.items as any[]).map((r) => r.id).sort()).toEqual([...recorded].sort());

    // when the three are approved at once, each is paid once
    const approvals = await simultaneously(recorded.length, (i) =>
      t.api.post(`/refunds/${recorded[i]}/approval`, {}, agent, ownKey('approve', i)),
    );
    expect(outcomes(approvals)).toEqual({ 200: 3 });
    await t.settle();
    expect(countOf(await timelineOf(t.api, order.id), 'RefundRequested', 'RefundAllowanceReserved', 'RefundPaid')).toEqual({
      RefundRequested: 3,
      RefundAllowanceReserved: 3,
      RefundPaid: 3,
    });
    const refunds = (await ledgerEntriesOf(t.api, order.id)).filter((e) => e.kind === 'refund');
    expect(refunds.reduce((sum, e) => sum + e.amount, 0)).toBe(3 * SHARE);

    // then exactly the rest can still be refunded, and not a fen more
    const over = await postRefund(
      t.api,
      { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID - 3 * SHARE + 1 },
      buyer,
      {
        'idempotency-key': `over-${order.id}`,
      },
    );
    expect([over.status, over.body.rule, over.body.refundable]).toEqual([422, 'refund.amount_exceeds_refundable', PAID - 3 * SHARE]);
    const ledger = await reconciliation(t.api);
    expectReconciled(ledger);
    expect(ledger.payouts).toMatchObject({ count: 3, byKind: { refund: { count: 3, amount: 3 * SHARE } } });
  });

  it('given an order paid 101000, when 50 requests for the whole amount arrive at once and the winner is approved, then one is recorded, 49 are 422, and 101000 is refunded exactly once', async () => {
    const { order } = await paidOrder(t.api, 'paid');
    await t.settle();
    await openConnections(t.api, `/orders/${order.id}/refunds`);

    const answers = await simultaneously(RACERS, (i) =>
      postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'other', amount: PAID }, buyer, ownKey(`all-${order.id}`, i)),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 201: 1, '422 refund.amount_exceeds_refundable': RACERS - 1 });
    expect(refused(answers).filter((a) => a.body.refundable !== 0)).toEqual([]);
    const [winner] = succeeded(answers);
    expect(
      (await t.api.post(`/refunds/${winner.body.id}/approval`, {}, agent, { 'idempotency-key': `approve-${winner.body.id}` })).status,
    ).toBe(200);
    await t.settle();

    expect((await t.api.get(`/orders/${order.id}`)).body).toMatchObject({ status: 'closed', closeReason: 'refunded_in_full' });
    expect((await ledgerEntriesOf(t.api, order.id)).map((e) => [e.kind, e.amount])).toEqual([['refund', PAID]]);
    const ledger = await reconciliation(t.api);
    expectReconciled(ledger);
    expect(ledger.payouts).toMatchObject({ count: 1, byKind: { refund: { count: 1, amount: PAID } } });
  });
});
