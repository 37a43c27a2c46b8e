import { useTestSystem } from '../support/embedded-system';
import { agent, buyer, finance, platform, supervisor, type Actor, type HttpClient } from '../support/http-client';
import { followUpCommand, followUpOf } from '../support/review-follow-ups';
import { getRefund, refundCommand, requestRefund } from '../support/refunds';
import { completedOrder, postReview as postAnyReview } from '../support/reviews';

const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };
const otherBuyer: Actor = { id: 'buyer-9', role: 'buyer' };

const postReview = (api: HttpClient, body: Record<string, unknown>) => postAnyReview(api, { score: 2, text: 'The box arrived crushed and late.', ...body });

const queueOf = async (api: HttpClient, actor: Actor, query = ''): Promise<any[]> => (await api.get(`/work-queue${query}`, actor)).body.items;

/** The bad-review follow-up through HTTP, with the manual clock: review service → follow-up → refund service → ledger. */
describe('bad-review follow-up', () => {
  const t = useTestSystem('each');

  it('given a negative review, then a follow-up opens at once with its 24 h / 72 h deadlines; 24 h without contact puts it in the overdue work queue, and the contact takes it out', async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();

    const opened = await followUpOf(t.api, review.id);
    const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
    expect(opened).toMatchObject({ reviewId: review.id, orderId: order.id, shopId: 'shop-1', status: 'open', overdue: false, slaBreaches: [] });
    expect(opened.id).toMatch(/^rfu_/);
    expect([hours(opened.openedAt, opened.deadlines.firstContactBy), hours(opened.openedAt, opened.deadlines.resolveBy)]).toEqual([24, 72]);
    expect(await queueOf(t.api, agent)).toContainEqual(
      expect.objectContaining({ kind: 'review_follow_up', id: opened.id, dueAt: opened.deadlines.firstContactBy, overdue: false }),
    );
    expect((await queueOf(t.api, supervisor, '?overdue=true')).map((i) => i.id)).not.toContain(opened.id);

    await t.advance({ hours: 24 });
    await t.settle();

    const late = (await t.api.get(`/review-follow-ups/${opened.id}`, agent)).body;
    expect(late).toMatchObject({ overdue: true, slaBreaches: [{ metric: 'first_contact', dueAt: opened.deadlines.firstContactBy, ruleId: 'review_follow_up.first_contact' }] });
    expect(await queueOf(t.api, supervisor, '?overdue=true')).toContainEqual(expect.objectContaining({ kind: 'review_follow_up', id: opened.id, overdue: true }));
    expect((await t.api.get('/review-follow-ups?shopId=shop-1&overdue=true', supervisor)).body.items.map((i: { id: string }) => i.id)).toEqual([opened.id]);

    await followUpCommand(t.api, opened.id, 'contact', { channel: 'phone', note: 'Called; the box was crushed in transit.' });
    await t.settle();
    expect(await queueOf(t.api, agent)).toContainEqual(expect.objectContaining({ id: opened.id, status: 'contacted', dueAt: opened.deadlines.resolveBy, overdue: false }));
    expect((await t.api.post(`/review-follow-ups/${opened.id}/contact`, { channel: 'chat', note: 'again' }, agent)).status).toBe(409);
  });

  it('given a goodwill credit of 1000 fen posted twice (and retried with its key), then one compensation naming the follow-up is paid once, its ledger line names the follow-up, and the audit verifies', async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();
    const { id } = await followUpOf(t.api, review.id);
    await followUpCommand(t.api, id, 'contact', { channel: 'chat', note: 'Sorry about the box.' });

    const credit = { kind: 'goodwill_credit', amount: 1000, note: 'A 10 CNY credit for the trouble' };
    const post = (key: string) => t.api.post(`/review-follow-ups/${id}/remedies`, credit, agent, { 'idempotency-key': key });
    const answers = [await post('credit-1'), await post('credit-1'), await post('credit-2')];
    await t.settle();

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers[2].body.remedies).toEqual([expect.objectContaining({ kind: 'goodwill_credit', amount: 1000, status: 'granted' })]);
    const compensations = (await t.api.get(`/orders/${order.id}/compensations`, buyer)).body.items;
    expect(compensations).toEqual([expect.objectContaining({ kind: 'goodwill', amount: 1000, status: 'paid' })]);
    const entries = (await t.api.get(`/ledger/entries?orderId=${order.id}`, finance)).body.entries;
    expect(entries).toEqual([expect.objectContaining({ kind: 'compensation', amount: 1000 })]);
    expect(entries[0].explanation).toContain(`review follow-up ${id}`);
    expect((await t.api.post('/admin/audit/compensations/verify', {}, finance)).body).toMatchObject({ mismatches: [] });
  });

  it('given a partial refund of 1500 fen posted twice (and retried with its key), then one refund naming the follow-up pays it once, and its ledger line names the follow-up', async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();
    const { id } = await followUpOf(t.api, review.id);

    const partial = { kind: 'partial_refund', amount: 1500, note: '15 CNY back for the crushed box' };
    const post = (key: string) => t.api.post(`/review-follow-ups/${id}/remedies`, partial, agent, { 'idempotency-key': key });
    const answers = [await post('refund-1'), await post('refund-1'), await post('refund-2')];
    await t.settle();
    const fractional = await t.api.post(`/review-follow-ups/${id}/remedies`, { ...partial, amount: 12.5 }, agent);

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    // the grant answers granted; by the third post the refund service may already have paid it
    expect(answers[0].body.remedies).toEqual([expect.objectContaining({ kind: 'partial_refund', amount: 1500, status: 'granted' })]);
    expect(answers[2].body.remedies).toEqual([expect.objectContaining({ kind: 'partial_refund', amount: 1500 })]);
    expect(fractional.status).toBeGreaterThanOrEqual(400);
    expect(fractional.status).toBeLessThan(500);
    const refunds = (await t.api.get(`/orders/${order.id}/refunds`, buyer)).body.items;
    expect(refunds).toEqual([
      expect.objectContaining({ amount: 1500, status: 'succeeded', followUp: expect.objectContaining({ cause: expect.objectContaining({ followUpId: id }) }) }),
    ]);
    const entries = (await t.api.get(`/ledger/entries?orderId=${order.id}`, finance)).body.entries;
    expect(entries).toEqual([expect.objectContaining({ kind: 'refund', amount: 1500, refundId: refunds[0].id })]);
    expect(entries[0].explanation).toContain(`review follow-up ${id}`);
    expect((await t.api.get(`/review-follow-ups/${id}`, agent)).body.remedies).toEqual([expect.objectContaining({ status: 'paid', refundId: refunds[0].id })]);
  });

  it('given an order already fully refunded, when the shop grants a partial refund, then the follow-up shows it refused with what the order could still refund and why, nothing is paid, the work queue shows remedy_refused until the shop offers something else, and a smaller one can be offered', async () => {
    const order = await completedOrder(t.api);
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: order.total });
    await refundCommand(t.api, refund.id, 'approval');
    await t.settle();
    expect(await getRefund(t.api, refund.id)).toMatchObject({ status: 'succeeded', amount: order.total });
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();
    const { id } = await followUpOf(t.api, review.id);

    await followUpCommand(t.api, id, 'remedies', { kind: 'partial_refund', amount: 1500, note: '15 CNY back for the crushed box' });
    await t.settle();

    const refused = (await t.api.get(`/review-follow-ups/${id}`, agent)).body;
    expect(refused.remedies).toEqual([
      expect.objectContaining({ id: 'rem-1', kind: 'partial_refund', amount: 1500, status: 'refused', refundable: 0, explanation: expect.stringContaining('nothing paid') }),
    ]);
    expect((await t.api.get(`/orders/${order.id}/refunds`, buyer)).body.items.map((r: { id: string }) => r.id)).toEqual([refund.id]);
    const queuedFollowUp = async () =>
      ((await t.api.get('/work-queue?kind=review_follow_up', agent)).body.items as Array<{ id: string; status: string }>).find((item) => item.id === id);
    expect(await queuedFollowUp()).toMatchObject({ status: 'remedy_refused' });

    const smaller = await t.api.post(`/review-follow-ups/${id}/remedies`, { kind: 'partial_refund', amount: 500, note: '5 CNY back instead' }, agent);
    expect(smaller.status).toBe(201);
    expect(smaller.body.remedies).toEqual([expect.objectContaining({ id: 'rem-1', status: 'refused' }), expect.objectContaining({ id: 'rem-2', amount: 500, status: 'granted' })]);
    await t.settle();
    // nothing is left to refund, so the smaller one is refused too; an explanation is what the shop can still offer
    expect(await queuedFollowUp()).toMatchObject({ status: 'remedy_refused' });
    await followUpCommand(t.api, id, 'remedies', { kind: 'explanation', note: 'the courier crushed the box; we changed courier' });
    await t.settle();
    expect(await queuedFollowUp()).toMatchObject({ status: 'open' });
  });

  it("given a goodwill credit above the threshold, then it waits for a supervisor; the agent may not approve it, the supervisor's approval pays it", async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'neutral', score: 3 });
    await t.settle();
    const { id } = await followUpOf(t.api, review.id);

    const proposed = await followUpCommand(t.api, id, 'remedies', { kind: 'goodwill_credit', amount: 25_000, note: 'A large credit' });
    const remedyId = proposed.remedies[0].id as string;
    await t.settle();
    const before = (await t.api.get(`/orders/${order.id}/compensations`, buyer)).body.items;
    const byAgent = await t.api.post(`/review-follow-ups/${id}/remedies/${remedyId}/approval`, {}, agent);
    await followUpCommand(t.api, id, `remedies/${remedyId}/approval`, {}, supervisor);
    await t.settle();

    expect(proposed.remedies[0]).toMatchObject({ status: 'awaiting_approval', requiresSupervisorApproval: true });
    expect(before).toEqual([]);
    expect(byAgent.status).toBe(403);
    expect((await t.api.get(`/orders/${order.id}/compensations`, buyer)).body.items).toEqual([
      expect.objectContaining({ kind: 'goodwill', amount: 25_000, status: 'paid', approval: expect.objectContaining({ approverId: supervisor.id }) }),
    ]);
  });

  it('given the buyer revises upwards within 30 days, then the follow-up closes as revised by itself; a second or a downward revision is 422', async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();
    const { id } = await followUpOf(t.api, review.id);
    await followUpCommand(t.api, id, 'contact', { channel: 'phone', note: 'Sent a new box.' });
    await t.advance({ days: 2 });

    const revision = await t.api.post(`/reviews/${review.id}/revision`, { rating: 'positive', score: 5, text: 'The shop called and fixed it.' }, buyer);
    await t.settle();
    const second = await t.api.post(`/reviews/${review.id}/revision`, { rating: 'positive', score: 5, text: 'Still happy.' }, buyer);

    expect(revision.status).toBe(200);
    expect((await t.api.get(`/review-follow-ups/${id}`, agent)).body).toMatchObject({ status: 'closed', outcome: 'revised' });
    expect((await queueOf(t.api, agent)).map((i) => i.id)).not.toContain(id);
    expect(second.status).toBe(422);

    const other = await completedOrder(t.api);
    const neutral = await postReview(t.api, { orderId: other.id, rating: 'neutral', score: 3 });
    const downward = await t.api.post(`/reviews/${neutral.id}/revision`, { rating: 'negative', score: 1, text: 'Worse.' }, buyer);
    expect(downward.status).toBe(422);
  });

  it('given a follow-up, then the shop closes it with an outcome; only its shop staff handle it and read it (another shop’s staff do not see it: 404; a buyer’s role is refused: 403)', async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();
    const { id } = await followUpOf(t.api, review.id);

    expect((await t.api.post(`/review-follow-ups/${id}/contact`, { channel: 'chat', note: 'hi' }, otherShopAgent)).status).toBe(404);
    expect((await t.api.post(`/review-follow-ups/${id}/contact`, { channel: 'chat', note: 'hi' }, buyer)).status).toBe(403);
    expect((await t.api.get(`/review-follow-ups/${id}`, otherBuyer)).status).toBe(403);
    expect((await t.api.get('/review-follow-ups?shopId=shop-1', otherShopAgent)).status).toBe(403);
    expect((await t.api.get(`/review-follow-ups/${id}`, platform)).status).toBe(200);

    const closed = await followUpCommand(t.api, id, 'closure', { outcome: 'explained', note: 'Explained the carrier delay.' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'explained' });
    expect((await t.api.post(`/review-follow-ups/${id}/remedies`, { kind: 'resend', note: 'late' }, agent)).status).toBe(409);
  });

  it('given a positive review, then no follow-up opens', async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'positive', score: 5, text: 'Great' });
    await t.settle();
    expect(await followUpOf(t.api, review.id)).toBeUndefined();
  });

  it('given follow-ups open, overdue, contacted and closed, when their read models are rebuilt from the log, then every read is the same and nothing is appended', async () => {
    const ids: string[] = [];
    for (const rating of ['negative', 'neutral', 'negative']) {
      const order = await completedOrder(t.api);
      const review = await postReview(t.api, { orderId: order.id, rating, score: 2 });
      await t.settle();
      ids.push((await followUpOf(t.api, review.id)).id);
    }
    await followUpCommand(t.api, ids[1], 'contact', { channel: 'message', note: 'Wrote to the buyer' });
    await followUpCommand(t.api, ids[2], 'closure', { outcome: 'unresolved', note: 'No answer' });
    await t.advance({ hours: 30 });

    const reads = async () => ({
      each: await Promise.all(ids.map(async (id) => (await t.api.get(`/review-follow-ups/${id}`, agent)).body)),
      list: (await t.api.get('/review-follow-ups?shopId=shop-1', supervisor)).body,
      overdue: (await t.api.get('/review-follow-ups?overdue=true', platform)).body,
    });
    const headBefore = (await t.api.post('/admin/settle', {})).body.head;
    const before = await reads();
    for (const name of ['review_follow_ups', 'review_follow_up_reviews']) expect((await t.api.post(`/admin/projections/${name}/rebuild`, {})).status).toBe(200);

    expect(before.overdue.items.map((f: { id: string }) => f.id)).toEqual([ids[0]]);
    expect((await t.api.post('/admin/settle', {})).body.head).toBe(headBefore);
    expect(await reads()).toEqual(before);
  });
});
