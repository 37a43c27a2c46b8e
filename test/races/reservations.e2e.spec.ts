import { buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder, postRefund } from '../support/refunds';
import {
  countOf,
  expectProblemDocuments,
  expectReconciled,
  openConnections,
  outcomes,
  ownKey,
  RACERS,
  reconciliation,
  simultaneously,
  succeeded,
  timelineOf,
} from '../support/races';

const PAID = 101_000;

/** What the order's allowance still holds reserved: reservations minus releases, from the order's timeline. */
async function outstandingReservations(api: Parameters<typeof timelineOf>[0], orderId: string): Promise<number> {
  const counts = countOf(await timelineOf(api, orderId), 'RefundAllowanceReserved', 'RefundAllowanceReleased');
  return counts.RefundAllowanceReserved - counts.RefundAllowanceReleased;
}

/*
 * Reservations released: a refund request that is refused leaves nothing reserved (issue 9, finding 2: a stale
 * If-Match answered 409 yet RefundAllowanceReserved was appended, locking the order's refund for 15 minutes).
 */
describe('race: a refused refund request leaves no reservation', () => {
  const t = useTestSystem('each');

  it('given an order paid 101000, when 50 requests for the whole amount with a stale If-Match arrive at once, then all are 409 stale_revision, nothing stays reserved, and the whole amount can still be requested', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.settle();
    const ledgerBefore = await reconciliation(t.api);
    await openConnections(t.api, `/orders/${order.id}/refunds`);

    const answers = await simultaneously(RACERS, (i) =>
      postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID }, buyer, {
        ...ownKey(`stale-${order.id}`, i),
        'if-match': '"7"',
      }),
    );
    await t.settle();

    // gathered, then compared once: a failure shows every count
    const recorded = ((await t.api.get(`/orders/${order.id}/refunds`)).body.items as any[]).length;
    const outstanding = await outstandingReservations(t.api, order.id);
    const whole = await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID }, buyer, {
      'idempotency-key': `whole-${order.id}`,
    });
    expect({
      answers: outcomes(answers),
      recorded,
      outstanding,
      thenTheWholeAmount: [whole.status, whole.body.refundableAmount ?? whole.body.refundable],
    }).toEqual({
      answers: { '409 stale_revision': RACERS },
      recorded: 0,
      outstanding: 0,
      thenTheWholeAmount: [201, PAID],
    });
    expectProblemDocuments(answers);
    expect(await reconciliation(t.api)).toEqual(ledgerBefore);
    expectReconciled(ledgerBefore);
  });

  it('given an order paid 101000, when 25 requests for the whole amount with a stale If-Match race 25 without it, then the stale ones are 409 and hold nothing: one request without it is recorded (201), 24 are 422', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.settle();
    await openConnections(t.api, `/orders/${order.id}/refunds`);

    const stale = (i: number) => i % 2 === 0;
    const answers = await simultaneously(RACERS, (i) =>
      postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID }, buyer, {
        ...ownKey(`mixed-${order.id}`, i),
        ...(stale(i) ? { 'if-match': '"7"' } : {}),
      }),
    );
    await t.settle();

    expect({ stale: outcomes(answers.filter((_, i) => stale(i))), fresh: outcomes(answers.filter((_, i) => !stale(i))) }).toEqual({
      stale: { '409 stale_revision': RACERS / 2 },
      fresh: { 201: 1, '422 refund.amount_exceeds_refundable': RACERS / 2 - 1 },
    });
    expectProblemDocuments(answers);
    expect(await outstandingReservations(t.api, order.id)).toBe(1);
    expect(((await t.api.get(`/orders/${order.id}/refunds`)).body.items as any[]).map((r) => r.id)).toEqual(
      succeeded(answers).map((a) => a.body.id),
    );
  });

  it('given goods excluded from no-reason returns, when 50 no-reason requests arrive at once, then all are 422 naming the rule, nothing is reserved, and the whole amount can still be requested', async () => {
    const { order } = await paidOrder(t.api, 'delivered', {
      items: [{ sku: 'suit', title: 'Tailored suit', quantity: 1, unitPrice: 100_000, category: 'custom_made' }],
    });
    await t.settle();
    await openConnections(t.api, `/orders/${order.id}/refunds`);

    const answers = await simultaneously(RACERS, (i) =>
      postRefund(
        t.api,
        { orderId: order.id, type: 'return_and_refund', reason: 'no_reason_7d', amount: 50_000 },
        buyer,
        ownKey(`nr-${order.id}`, i),
      ),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ '422 refund.no_reason_excluded_category': RACERS });
    expectProblemDocuments(answers);
    expect(await outstandingReservations(t.api, order.id)).toBe(0);
    const whole = await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID }, buyer, {
      'idempotency-key': `whole-${order.id}`,
    });
    expect(whole.status).toBe(201);
  });

  it('given a request that reserved the whole amount, when it is withdrawn while 49 more requests race for the amount, then every reservation ends released or recorded and never more than paid is reserved', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.settle();
    const first = await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID }, buyer, {
      'idempotency-key': `first-${order.id}`,
    });
    expect(first.status).toBe(201);
    await openConnections(t.api, `/orders/${order.id}/refunds`);

    const answers = await simultaneously(RACERS, (i) =>
      i === 0
        ? t.api.post(`/refunds/${first.body.id}/cancellation`, { reason: 'changed my mind' }, buyer, {
            'idempotency-key': `cancel-${first.body.id}`,
          })
        : postRefund(
            t.api,
            { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID },
            buyer,
            ownKey(`after-${order.id}`, i),
          ),
    );
    await t.settle();

    expect(answers[0].status).toBe(200);
    const requests = answers.slice(1);
    const created = requests.filter((a) => a.status === 201);
    // a request is recorded only once the withdrawal has released the amount, and then only one
    expect(created.length).toBeLessThanOrEqual(1);
    expect(outcomes(requests)).toEqual(
      created.length
        ? { 201: 1, '422 refund.amount_exceeds_refundable': RACERS - 2 }
        : { '422 refund.amount_exceeds_refundable': RACERS - 1 },
    );
    expect(await outstandingReservations(t.api, order.id)).toBe(created.length);
    const open = ((await t.api.get(`/orders/${order.id}/refunds`)).body.items as any[]).filter((r) => r.status !== 'cancelled');
    expect(open.map((r) => r.id)).toEqual(created.map((a) => a.body.id));
    if (created.length === 0) {
      const whole = await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: PAID }, buyer, {
        'idempotency-key': `whole-${order.id}`,
      });
      expect(whole.status).toBe(201);
    }
  });
});
