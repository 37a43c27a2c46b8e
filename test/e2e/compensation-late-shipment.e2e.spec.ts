import { agent, finance, supervisor, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { payOrder, placeOrder, shipOrder } from '../support/orders';
import { getRefund, postRefund, refundCommand } from '../support/refunds';

const compensationsOf = async (api: HttpClient, orderId: string) => (await api.get(`/orders/${orderId}/compensations`)).body.items as any[];
const missedShipByOf = async (api: HttpClient, orderId: string) =>
  ((await api.get(`/orders/${orderId}/events`)).body.events as any[]).filter((e) => e.type === 'ShipByDeadlineMissed');

describe('late-shipment compensation through HTTP (embedded runtime, manual clock)', () => {
  const t = useTestSystem();

  it('given a paid order of 1000 CNY + 10 CNY shipping not dispatched within 72 h, then exactly one compensation of 3000 fen, paid once, booked balanced and linked to the miss and the rule', async () => {
    // given
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    expect(order.total).toBe(101_000);

    // when: 72 h pass without dispatch, then the merchant ships late and time goes on
    await t.advance({ hours: 72, minutes: 1 });
    await shipOrder(t.api, order.id);
    await t.advance({ days: 2 });

    // then: exactly one late-shipment compensation of 3000 fen, computed from the ShipByDeadlineMissed event
    const [missed] = await missedShipByOf(t.api, order.id);
    const compensations = await compensationsOf(t.api, order.id);
    expect(compensations).toHaveLength(1);
    expect(compensations[0]).toMatchObject({
      id: `cmp_late_${order.id}`,
      orderId: order.id,
      kind: 'late_shipment',
      amount: 3000,
      status: 'paid',
      rule: { id: 'compensation.late_shipment', version: '2026-12-v5' },
      basedOn: [missed.eventId],
      explanation: '5% of 101000 = 5050; capped at 3000 → 3000',
    });
    const one = await t.api.get(`/compensations/${compensations[0].id}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"1"');

    // and: the provider paid it once
    const provider = (await t.api.get('/admin/payment-provider/payments')).body;
    expect(provider.payments.map((p: any) => [p.idempotencyKey, p.amount])).toEqual([[`payout-compensation-cmp_late_${order.id}`, 3000]]);
    expect((await t.api.get(`/payouts/payout-compensation-cmp_late_${order.id}`)).body).toMatchObject({ status: 'paid', amount: 3000, failedAttempts: 0 });

    // and: the ledger shows it, balanced, linked to the missed ship-by and the rule version
    const ledger = (await t.api.get(`/ledger/entries?orderId=${order.id}`)).body;
    expect(ledger.count).toBe(1);
    expect(ledger.totals).toEqual({ balanced: true, byCurrency: { CNY: { debits: 3000, credits: 3000, balanced: true } } });
    expect(ledger.entries[0]).toMatchObject({
      kind: 'compensation',
      amount: 3000,
      rule: { id: 'compensation.late_shipment', version: '2026-12-v5' },
      lines: [
        { account: 'shop_deposit:shop-1', debit: 3000, credit: 0 },
        { account: 'payment_provider', debit: 0, credit: 3000 },
      ],
    });
    expect(ledger.entries[0].causedBy).toContain(missed.eventId);
    const csv = await t.api.get(`/ledger/entries?shopId=shop-1&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((csv.body as string).trim().split('\r\n')).toHaveLength(3);
    expect(csv.body).toContain(missed.eventId);

    const reconciliation = (await t.api.get('/ledger/reconciliation?from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z')).body;
    expect(reconciliation).toMatchObject({ balanced: true, matchesPayouts: true, paidOutPerJournal: { CNY: 3000 }, payouts: { count: 1, byCurrency: { CNY: 3000 } } });

    // and: the audit recomputes it to the same result
    const audit = await t.api.post('/admin/audit/compensations/verify', {}, finance);
    expect(audit.status).toBe(200);
    expect(audit.body).toMatchObject({ checked: 1, mismatches: [] });
  });

  it('given a late order that is then refunded in full, then the ledger books the refund out of the sale and the compensation out of the deposit, and reconciles', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    await t.advance({ hours: 73 });
    const requested = await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'other', amount: order.total, description: 'Too late' });
    expect(requested.status).toBe(201);
    await refundCommand(t.api, requested.body.id, 'approval');
    await t.settle();
    expect((await getRefund(t.api, requested.body.id)).status).toBe('succeeded');

    const ledger = (await t.api.get(`/ledger/entries?orderId=${order.id}`)).body;
    expect(ledger.entries.map((e: any) => [e.kind, e.amount, e.lines[0].account, e.source.type])).toEqual([
      ['compensation', 3000, 'shop_deposit:shop-1', 'CompensationPaidOut'],
      ['refund', 101_000, 'shop_escrow:shop-1', 'RefundPaid'],
    ]);
    expect(ledger.totals.byCurrency.CNY).toEqual({ debits: 104_000, credits: 104_000, balanced: true });
    const reconciliation = (await t.api.get('/ledger/reconciliation')).body;
    expect(reconciliation).toMatchObject({ balanced: true, matchesPayouts: true, payouts: { count: 2, byKind: { refund: { amount: 101_000 }, compensation: { amount: 3000 } } } });
  });

  it('given a dispatch in time, then no compensation; a bad ledger query is a 400', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    await t.advance({ hours: 10 });
    await shipOrder(t.api, order.id);
    await t.advance({ days: 5 });
    expect(await compensationsOf(t.api, order.id)).toEqual([]);
    const bad = await t.api.get('/ledger/entries?from=yesterday&format=pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['/format', '/from']);
  });

  it('goodwill above the threshold: an agent proposes (Idempotency-Key required), an agent cannot approve (403), a supervisor approves and it is paid', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    await t.settle();
    const body = { orderId: order.id, kind: 'goodwill', amount: 25_000, note: 'after a bad review' };

    const withoutKey = await t.api.post('/compensations', body, agent);
    const proposed = await t.api.post('/compensations', body, agent, { 'idempotency-key': 'gw-1' });
    const replay = await t.api.post('/compensations', body, agent, { 'idempotency-key': 'gw-1' });
    const byBuyer = await t.api.post('/compensations', body, { id: 'buyer-1', role: 'buyer' }, { 'idempotency-key': 'gw-2' });
    const missingAmount = await t.api.post('/compensations', { orderId: order.id, kind: 'goodwill' }, agent, { 'idempotency-key': 'gw-3' });
    const tooMuch = await t.api.post('/compensations', { ...body, amount: 200_000 }, agent, { 'idempotency-key': 'gw-4' });

    expect(withoutKey.status).toBe(400);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'awaiting_approval', amount: 25_000, requiresSupervisorApproval: true, approvalThreshold: 20_000, revision: 0 });
    expect(replay.body.id).toBe(proposed.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(byBuyer.status).toBe(403);
    expect(missingAmount.status).toBe(400);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.rule).toBe('compensation.goodwill');

    const id = proposed.body.id;
    const byAgent = await t.api.post(`/compensations/${id}/approval`, {}, agent, { 'idempotency-key': 'ap-1' });
    const approved = await t.api.post(`/compensations/${id}/approval`, { note: 'fine' }, supervisor, { 'idempotency-key': 'ap-2' });
    const again = await t.api.post(`/compensations/${id}/approval`, {}, supervisor, { 'idempotency-key': 'ap-3' });
    await t.settle();

    expect(byAgent.status).toBe(403);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'payout_pending', approval: { approverId: 'sup-1', note: 'fine' } });
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('payout_pending');
    expect((await t.api.get(`/compensations/${id}`)).body.status).toBe('paid');
    expect((await t.api.get('/compensations/cmp_nope')).status).toBe(404);
  });

  it('the OpenAPI document lists the compensation, ledger, payout and audit endpoints', async () => {
    const paths = Object.keys((await t.api.get('/openapi.json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/compensations',
        '/compensations/{compensationId}',
        '/compensations/{compensationId}/approval',
        '/orders/{orderId}/compensations',
        '/ledger/entries',
        '/ledger/reconciliation',
        '/payouts/{payoutId}',
        '/admin/audit/compensations/verify',
        '/admin/audit/compensations/what-if',
      ]),
    );
  });
});
