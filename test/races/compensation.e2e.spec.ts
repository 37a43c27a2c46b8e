import { agent, supervisor } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { payOrder, placeOrder } from '../support/orders';
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
  statuses,
  succeeded,
  tally,
  timelineOf,
} from '../support/races';

/** 50 CNY of goods: counterfeit pays 3 × 5000 = 15000, under the 20000 approval threshold, so it is paid at once. */
const cheapGoods = [{ sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 5_000 }];
const COUNTERFEIT = 15_000;
/** 1000 CNY of goods: counterfeit pays 300000, above the threshold, so it waits for a supervisor. */
const dearGoods = [{ sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 1, unitPrice: 100_000 }];

/*
 * One compensation decision per order and kind, goodwill aside (issue 9, finding 1: a second counterfeit proposal
 * with a new Idempotency-Key was decided and paid again). api.md: `409` for a second; it names no problem code, so the
 * refusals are counted by status and must not be a stale revision (that would invite the caller to retry).
 */
describe('race: one compensation per order and kind', () => {
  const t = useTestSystem('each');

  async function paidOrderOf(items: unknown[]): Promise<{ id: string }> {
    const order = await placeOrder(t.api, { items, shippingFee: 0 });
    await payOrder(t.api, order);
    await t.settle();
    return order;
  }

  it('given a paid order, when 50 agents propose a counterfeit compensation at once (each its own Idempotency-Key), then one is decided (201), 49 are 409, and it is paid once', async () => {
    const order = await paidOrderOf(cheapGoods);
    await openConnections(t.api, `/orders/${order.id}/compensations`);

    const answers = await simultaneously(RACERS, (i) =>
      t.api.post('/compensations', { orderId: order.id, kind: 'counterfeit', note: `fake ${i}` }, agent, ownKey(`cf-${order.id}`, i)),
    );
    await t.settle();

    // gathered, then compared once: a failure shows every count
    const timeline = await timelineOf(t.api, order.id);
    const listed = (await t.api.get(`/orders/${order.id}/compensations`)).body.items as any[];
    expect({
      answers: statuses(answers),
      staleRevisions: refused(answers).filter((a) => a.body.code === 'stale_revision').length,
      decisions: tally(listed.map((c) => `${c.kind} ${c.amount} ${c.status}`)),
      events: countOf(timeline, 'CompensationDecided', 'PayoutSucceeded', 'CompensationPaidOut'),
      ledger: tally((await ledgerEntriesOf(t.api, order.id)).map((e) => `${e.kind} ${e.amount}`)),
    }).toEqual({
      answers: { 201: 1, 409: RACERS - 1 },
      staleRevisions: 0,
      decisions: { [`counterfeit ${COUNTERFEIT} paid`]: 1 },
      events: { CompensationDecided: 1, PayoutSucceeded: 1, CompensationPaidOut: 1 },
      ledger: { [`compensation ${COUNTERFEIT}`]: 1 },
    });
    expectProblemDocuments(answers);
    expect(succeeded(answers)[0].body).toMatchObject({ kind: 'counterfeit', amount: COUNTERFEIT });
    const ledger = await reconciliation(t.api);
    expectReconciled(ledger);
    expect(ledger.payouts).toMatchObject({ count: 1, byKind: { compensation: { count: 1, amount: COUNTERFEIT } } });
  });

  it('given a paid order, when 25 counterfeit and 25 out-of-stock proposals arrive at once, then one of each kind is decided (2 × 201) and 48 are 409', async () => {
    const order = await paidOrderOf(cheapGoods);
    await openConnections(t.api, `/orders/${order.id}/compensations`);

    const kindOf = (i: number) => (i % 2 === 0 ? 'counterfeit' : 'out_of_stock');
    const answers = await simultaneously(RACERS, (i) =>
      t.api.post('/compensations', { orderId: order.id, kind: kindOf(i) }, agent, ownKey(`k-${order.id}`, i)),
    );
    await t.settle();

    const listed = (await t.api.get(`/orders/${order.id}/compensations`)).body.items as any[];
    expect({
      answers: statuses(answers),
      decided: tally(succeeded(answers).map((a) => a.body.kind)),
      listed: tally(listed.map((c) => c.kind)),
    }).toEqual({
      answers: { 201: 2, 409: RACERS - 2 },
      decided: { counterfeit: 1, out_of_stock: 1 },
      listed: { counterfeit: 1, out_of_stock: 1 },
    });
    expectProblemDocuments(answers);
    const entries = await ledgerEntriesOf(t.api, order.id);
    expect(entries.map((e) => e.compensationId).sort()).toEqual(listed.map((c) => c.id).sort());
    expectReconciled(await reconciliation(t.api));
  });

  it('goodwill aside: given a paid order, when 50 agents propose goodwill at once, then all 50 are decided (201) and paid, each once', async () => {
    const order = await paidOrderOf(cheapGoods);
    await openConnections(t.api, `/orders/${order.id}/compensations`);

    const answers = await simultaneously(RACERS, (i) =>
      t.api.post(
        '/compensations',
        { orderId: order.id, kind: 'goodwill', amount: 100 + i, note: `sorry ${i}` },
        agent,
        ownKey(`gw-${order.id}`, i),
      ),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 201: RACERS });
    const total = answers.reduce((sum, _, i) => sum + 100 + i, 0);
    expect(countOf(await timelineOf(t.api, order.id), 'CompensationDecided', 'PayoutSucceeded')).toEqual({
      CompensationDecided: RACERS,
      PayoutSucceeded: RACERS,
    });
    const entries = await ledgerEntriesOf(t.api, order.id);
    expect({ entries: entries.length, amount: entries.reduce((sum, e) => sum + e.amount, 0) }).toEqual({ entries: RACERS, amount: total });
    const ledger = await reconciliation(t.api);
    expectReconciled(ledger);
    expect(ledger.payouts).toMatchObject({ count: RACERS, byKind: { compensation: { count: RACERS, amount: total } } });
  });

  it('given a compensation awaiting approval, when 50 supervisors approve it at once, then one approval is taken (200), 49 are 409, and it is paid once', async () => {
    const order = await paidOrderOf(dearGoods);
    const proposed = await t.api.post('/compensations', { orderId: order.id, kind: 'counterfeit' }, agent, {
      'idempotency-key': `cf-${order.id}`,
    });
    expect(proposed.body).toMatchObject({ status: 'awaiting_approval', amount: 300_000 });
    await t.settle();
    await openConnections(t.api, `/compensations/${proposed.body.id}`);

    const answers = await simultaneously(RACERS, (i) =>
      t.api.post(`/compensations/${proposed.body.id}/approval`, { note: `ok ${i}` }, supervisor, ownKey(`approve-${proposed.body.id}`, i)),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 200: 1, '409 compensation.not_awaiting_approval': RACERS - 1 });
    expectProblemDocuments(answers);
    expect(countOf(await timelineOf(t.api, order.id), 'CompensationApproved', 'PayoutSucceeded', 'CompensationPaidOut')).toEqual({
      CompensationApproved: 1,
      PayoutSucceeded: 1,
      CompensationPaidOut: 1,
    });
    expect((await ledgerEntriesOf(t.api, order.id)).map((e) => [e.kind, e.amount])).toEqual([['compensation', 300_000]]);
    const ledger = await reconciliation(t.api);
    expectReconciled(ledger);
    expect(ledger.payouts).toMatchObject({ count: 1, byKind: { compensation: { count: 1, amount: 300_000 } } });
  });
});
