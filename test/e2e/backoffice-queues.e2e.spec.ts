import { agent, buyer, finance, platform, supervisor, type Actor, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder } from '../support/refunds';
import { completedOrder, postReview, reviewCommand } from '../support/reviews';

const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };
const otherShopSupervisor: Actor = { id: 'sup-9', role: 'supervisor', shops: ['shop-2'] };

async function ok(answer: Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const { status, body } = await answer;
  if (status !== 200 && status !== 201) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function openComplaint(api: HttpClient, orderId: string): Promise<any> {
  return ok(api.post('/disputes', { orderId, category: 'product_quality', description: 'The lid is cracked' }, buyer, { 'idempotency-key': `bo-${orderId}` }), 'complaint');
}

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

/** What the console's supervisor and platform views read beside the work queue (issue 15). */
describe('back-office queues through HTTP', () => {
  const t = useTestSystem('all');

  it('given a case unanswered past its first-response deadline, then the supervisor’s breaches per day count it on its day, for their shops only', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const complaint = await openComplaint(t.api, order.id);
    await t.advance({ hours: 25 });
    await t.settle();
    const day = complaint.deadlines.firstResponseBy.slice(0, 10);
    const period = `from=${day}&to=${day}`;

    const own = await ok(t.api.get(`/work-queue/sla-breaches?${period}`, supervisor), 'breaches');
    const everyShop = await ok(t.api.get(`/work-queue/sla-breaches?${period}`, platform), 'breaches');
    const otherShop = await ok(t.api.get(`/work-queue/sla-breaches?${period}`, otherShopSupervisor), 'breaches');

    expect(own.metrics).toContain('dispute.first_response');
    expect(own.days).toEqual([{ day, total: expect.any(Number), byMetric: expect.objectContaining({ 'dispute.first_response': expect.any(Number) }) }]);
    expect(everyShop.days[0].byMetric['dispute.first_response']).toBeGreaterThanOrEqual(own.days[0].byMetric['dispute.first_response']);
    expect(otherShop.days).toEqual([{ day, total: 0, byMetric: {} }]);
  });

  it('given the breaches per day, then agents, finance and buyers are 403 naming the rule, a shop outside the supervisor’s is 403, a bad period 400', async () => {
    const period = 'from=2026-11-01&to=2026-11-02';

    const refused = await Promise.all([agent, finance, buyer].map((actor) => t.api.get(`/work-queue/sla-breaches?${period}`, actor)));
    const outside = await t.api.get(`/work-queue/sla-breaches?${period}&shopId=shop-2`, supervisor);
    const backwards = await t.api.get('/work-queue/sla-breaches?from=2026-11-05&to=2026-11-01', supervisor);
    const malformed = await t.api.get('/work-queue/sla-breaches?from=yesterday&to=2026-11-01', supervisor);

    expect(refused.map((answer) => [answer.status, answer.body.rule])).toEqual(Array(3).fill([403, 'work_queue.read_sla_breaches']));
    expect([outside.status, outside.body.rule]).toEqual([403, 'work_queue.read_sla_breaches']);
    expect([backwards.status, malformed.status]).toEqual([400, 400]);
  });

  it('given a remedy above the approval threshold, then it waits in the shop’s queue for a supervisor until approved', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const complaint = await openComplaint(t.api, order.id);
    await ok(t.api.post(`/disputes/${complaint.id}/messages`, { text: 'Sorry, we will look into it' }, agent), 'message');
    const proposed = await ok(
      t.api.post(`/disputes/${complaint.id}/remedies`, { kind: 'partial_refund', amount: 30_000, description: 'We refund 300 CNY' }, agent),
      'remedy',
    );
    const remedyId = proposed.remedies.at(-1).id;
    await t.settle();

    const waiting = await ok(t.api.get('/work-queue?kind=remedy_approval', supervisor), 'queue');
    await ok(t.api.post(`/disputes/${complaint.id}/remedies/${remedyId}/approval`, {}, supervisor), 'approval');
    await t.settle();

    expect(waiting.items).toContainEqual(
      expect.objectContaining({ kind: 'remedy_approval', id: remedyId, disputeId: complaint.id, orderId: order.id, status: 'awaiting_approval', overdue: false }),
    );
    expect(ids(await ok(t.api.get('/work-queue?kind=remedy_approval', supervisor), 'queue'))).not.toContain(remedyId);
  });

  it('given a held review, then the platform finds it across shops in the moderation queue until it moderates it; the shop’s staff see only their shops', async () => {
    const order = await completedOrder(t.api);
    const held = await postReview(t.api, { orderId: order.id, rating: 'negative', score: 1, text: 'Broken. Call me: 13812345678' });

    const queued = await ok(t.api.get('/reviews?moderation=pending', platform), 'reviews');
    const byStatus = await ok(t.api.get('/reviews?status=held&limit=200', platform), 'reviews');
    const otherShop = await ok(t.api.get('/reviews?moderation=pending', otherShopAgent), 'reviews');
    const outside = await t.api.get('/reviews?shopId=shop-1', otherShopAgent);
    const asBuyer = await t.api.get('/reviews', buyer);
    await reviewCommand(t.api, held.id, 'moderation', { decision: 'publish', reason: 'The number is the shop’s hotline' }, platform);

    expect(queued.items).toContainEqual(expect.objectContaining({ id: held.id, status: 'held', text: 'Broken. Call me: 13812345678' }));
    expect(ids(byStatus)).toContain(held.id);
    expect(ids(otherShop)).not.toContain(held.id);
    expect([outside.status, outside.body.rule]).toEqual([403, 'review.read_reviews']);
    expect([asBuyer.status, asBuyer.body.rule]).toEqual([403, 'review.read_reviews']);
    expect(ids(await ok(t.api.get('/reviews?moderation=pending', platform), 'reviews'))).not.toContain(held.id);
  });

  it('given a shop’s appeal against a review, then it waits in the platform’s appeals until decided', async () => {
    const review = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, rating: 'negative', score: 2, text: 'The box arrived crushed.' });
    await reviewCommand(t.api, review.id, 'appeal', { reason: 'The buyer asked 200 CNY to remove it.', evidence: [{ kind: 'chat_log', ref: 'media/chat.png' }] }, agent);

    const pending = await ok(t.api.get('/reviews?appeal=pending', platform), 'reviews');
    await reviewCommand(t.api, review.id, 'appeal/decision', { upheld: false, reason: 'The chat shows no demand.' }, platform);

    expect(pending.items).toContainEqual(expect.objectContaining({ id: review.id, appeal: expect.objectContaining({ status: 'pending' }) }));
    expect(ids(await ok(t.api.get('/reviews?appeal=pending', platform), 'reviews'))).not.toContain(review.id);
  });

  it('given cases in arbitration, then the platform lists them across shops with GET /disputes?status=arbitration', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const complaint = await openComplaint(t.api, order.id);
    await ok(t.api.post(`/disputes/${complaint.id}/escalation`, { to: 'platform', reason: 'The shop does not answer' }, buyer), 'escalation');

    const arbitration = await ok(t.api.get('/disputes?status=arbitration', platform), 'disputes');

    expect(ids(arbitration)).toContain(complaint.id);
  });
});
