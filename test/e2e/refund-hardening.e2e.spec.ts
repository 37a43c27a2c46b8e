import { agent, buyer, finance, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { payOrder, placeOrder } from '../support/orders';
import { paidOrder, postRefund, refundCommand, requestRefund, returnAddress, timelineOf } from '../support/refunds';

/** Issue 9, the refund service's findings: each `it` names the finding it covers. */

const paymentsFor = async (api: HttpClient, orderId: string) =>
  ((await api.get('/admin/payment-provider/payments')).body.payments as any[]).filter((p) => String(p.idempotencyKey).includes(orderId));

const expectProblem = (answer: { status: number; headers: Headers }, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
};

describe('refund service hardening (issue 9), through HTTP', () => {
  const t = useTestSystem();

  it('finding 1: given a counterfeit compensation paid below the threshold, when an agent proposes it again with a new Idempotency-Key, then 409 naming the first and it is paid once; the first key replays 201', async () => {
    // given: 50 CNY of goods, so 3 × is 150 CNY, below the supervisor's threshold (paid at once)
    const order = await placeOrder(t.api, { items: [{ sku: 'pin', title: 'Enamel pin', quantity: 1, unitPrice: 5_000 }] });
    await payOrder(t.api, order);
    await t.settle();
    const body = { orderId: order.id, kind: 'counterfeit' };
    const first = await t.api.post('/compensations', body, agent, { 'idempotency-key': 'cf-1' });
    await t.settle();

    // when
    const second = await t.api.post('/compensations', body, agent, { 'idempotency-key': 'cf-2' });
    const replay = await t.api.post('/compensations', body, agent, { 'idempotency-key': 'cf-1' });
    await t.settle();

    // then
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: `cmp_counterfeit_${order.id}`, kind: 'counterfeit', amount: 15_000, status: 'payout_pending' });
    expectProblem(second, 409);
    expect(second.body).toMatchObject({ code: 'compensation.already_decided', compensationId: first.body.id, currentStatus: 'paid' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.eventIds).toEqual(first.body.eventIds);
    const compensations = (await t.api.get(`/orders/${order.id}/compensations`)).body.items as any[];
    expect(compensations.map((c) => [c.id, c.status])).toEqual([[first.body.id, 'paid']]);
    expect((await paymentsFor(t.api, order.id)).map((p) => p.amount)).toEqual([15_000]);
  });

  it('finding 1 (race): given 50 simultaneous counterfeit proposals for one order under 50 keys, then exactly one 201, 49 × 409 naming it, one payment', async () => {
    const order = await placeOrder(t.api, { items: [{ sku: 'pin', title: 'Enamel pin', quantity: 1, unitPrice: 5_000 }] });
    await payOrder(t.api, order);
    await t.settle();

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.api.post('/compensations', { orderId: order.id, kind: 'counterfeit' }, agent, { 'idempotency-key': `cf-race-${i}` })),
    );
    await t.settle();

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(49).fill(409)]);
    const winner = answers.find((a) => a.status === 201)!;
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body).toMatchObject({ code: 'compensation.already_decided', compensationId: winner.body.id });
    expect((await paymentsFor(t.api, order.id)).map((p) => p.amount)).toEqual([15_000]);
    expect((await t.api.get('/ledger/reconciliation')).body).toMatchObject({ balanced: true, matchesPayouts: true });
  });

  it('finding 2: given a 101000 order, when two refund requests with a stale If-Match are refused (409), then nothing is reserved and the whole amount stays refundable', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const body = { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 100_000 };

    const stale = [
      await postRefund(t.api, body, buyer, { 'if-match': '"3"' }),
      await postRefund(t.api, body, buyer, { 'if-match': '"0"' }),
    ];
    await t.settle();

    for (const answer of stale) {
      expectProblem(answer, 409);
      expect(answer.body.code).toBe('stale_revision');
    }
    expect((await timelineOf(t.api, order.id)).filter((e) => e.startsWith('refund:'))).toEqual([]);
    const whole = await postRefund(t.api, { ...body, amount: order.total });
    expect(whole.status).toBe(201);
  });

  it('finding 7: given an order id nobody placed, when a refund is asked, then 404 at once (not after the 2 s wait for the order view)', async () => {
    await paidOrder(t.api, 'paid'); // the view has seen orders: it is fed and caught up
    await t.settle();

    const started = Date.now();
    const answer = await postRefund(t.api, { orderId: 'ord_nobody', type: 'refund_only', reason: 'other', amount: 1 });
    const tookMs = Date.now() - started;

    expectProblem(answer, 404);
    expect(tookMs).toBeLessThan(1_000);
  });

  it('finding 9: given money-moving refund commands without an Idempotency-Key, then 400 problem+json naming the header, and nothing is written', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const body = { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 1_000 };

    const request = await t.api.post('/refunds', body, buyer);
    await t.settle();

    expectProblem(request, 400);
    expect(request.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect((await t.api.get(`/orders/${order.id}/refunds`)).body.items).toEqual([]);
    expect((await timelineOf(t.api, order.id)).filter((e) => e.startsWith('refund:'))).toEqual([]);

    // and the other routes that move money: approval (pays a refund only), return receipt (pays a return), payout re-drive
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'return_and_refund', reason: 'quality', amount: 1_000 });
    for (const [path, payload, actor] of [
      [`/refunds/${refund.id}/approval`, { returnAddress }, agent],
      [`/refunds/${refund.id}/return-receipt`, { condition: 'intact' }, agent],
      ['/payouts/payout-nope/retry', { reason: 'ticket CS-1' }, finance],
    ] as const) {
      const answer = await t.api.post(path, payload, actor);
      expectProblem(answer, 400);
      expect([path, answer.body.errors]).toEqual([path, [{ field: 'Idempotency-Key', message: expect.any(String) }]]);
    }
    expect((await t.api.get(`/refunds/${refund.id}`)).body.status).toBe('waiting_merchant');
    const approved = await refundCommand(t.api, refund.id, 'approval', { returnAddress });
    expect(approved.status).toBe('waiting_buyer_return');
  });

  it('finding 10b: given a delivered order with a special_size item, when a no_reason_7d return is requested, then 422 naming the excluded-category rule of the current rulebook', async () => {
    const { order } = await paidOrder(t.api, 'delivered', {
      items: [
        { sku: 'sofa', title: 'Three-seat sofa, 2.4 m', quantity: 1, unitPrice: 100_000, category: 'special_size' },
        { sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 20_000 },
      ],
    });

    const answer = await postRefund(t.api, {
      orderId: order.id,
      type: 'return_and_refund',
      reason: 'no_reason_7d',
      amount: 100_000,
      items: [{ sku: 'sofa', quantity: 1 }],
    });
    const cupOnly = await postRefund(t.api, {
      orderId: order.id,
      type: 'return_and_refund',
      reason: 'no_reason_7d',
      amount: 20_000,
      items: [{ sku: 'cup', quantity: 1 }],
    });

    expectProblem(answer, 422);
    expect(answer.body).toMatchObject({
      code: 'refund.no_reason_excluded_category',
      rule: 'refund.no_reason_excluded_category',
      excludedCategories: ['special_size'],
      rulebookVersion: '2026-12-v5',
    });
    expect(cupOnly.status).toBe(201);
  });
});
