import { useTestSystem } from '../support/embedded-system';
import { agent, buyer, finance, platform, supervisor, type Actor, type HttpClient } from '../support/http-client';
import { completedOrder, followUpCommand, postReview } from '../support/reviews';

const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };
const otherBuyer: Actor = { id: 'buyer-9', role: 'buyer' };

async function followUpOf(api: HttpClient, reviewId: string): Promise<any> {
  const answer = await api.get('/review-follow-ups?shopId=shop-1&limit=200', agent);
  if (answer.status !== 200) throw new Error(`follow-ups: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items.find((item: { reviewId: string }) => item.reviewId === reviewId);
}

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

  it('given a follow-up, then the shop closes it with an outcome; only its shop staff handle it and read it (403 for another shop, a buyer)', async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();
    const { id } = await followUpOf(t.api, review.id);

    expect((await t.api.post(`/review-follow-ups/${id}/contact`, { channel: 'chat', note: 'hi' }, otherShopAgent)).status).toBe(403);
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
});
