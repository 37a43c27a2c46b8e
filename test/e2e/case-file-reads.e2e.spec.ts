import { useTestSystem } from '../support/embedded-system';
import { agent, buyer, finance, platform, supervisor, type Actor } from '../support/http-client';
import { completedOrder, postReview } from '../support/reviews';

const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };

/** What the console's case file reads besides the order: the order's follow-ups, and why each timeline entry happened. */
describe('case file reads', () => {
  const t = useTestSystem('all');

  it("given a negative review of an order, then GET /review-follow-ups?orderId= finds its follow-up for the shop's staff and the platform, none for another shop, and refuses buyer and finance with 403", async () => {
    const order = await completedOrder(t.api);
    const other = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await postReview(t.api, { orderId: other.id, rating: 'negative' });
    await t.settle();

    const ids = async (actor: Actor, query = `orderId=${order.id}`) => (await t.api.get(`/review-follow-ups?${query}`, actor)).body.items.map((f: { reviewId: string }) => f.reviewId);

    expect(await ids(agent)).toEqual([review.id]);
    expect(await ids(supervisor)).toEqual([review.id]);
    expect(await ids(platform)).toEqual([review.id]);
    expect(await ids(agent, `orderId=${order.id}&status=closed`)).toEqual([]);
    expect(await ids(otherShopAgent)).toEqual([]);
    for (const refused of [buyer, finance]) {
      const answer = await t.api.get(`/review-follow-ups?orderId=${order.id}`, refused);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 403, detail: expect.stringContaining('review_follow_up.read') });
    }
  });

  it('given a follow-up opened by a review, then its timeline entry names the review event it was based on, and that event is on the same timeline', async () => {
    const order = await completedOrder(t.api);
    await postReview(t.api, { orderId: order.id, rating: 'negative' });
    await t.settle();

    const entries = (await t.api.get(`/orders/${order.id}/timeline`, agent)).body.entries as any[];

    const opened = entries.find((e) => e.type === 'ReviewFollowUpOpened');
    expect(opened.basedOn).toHaveLength(1);
    expect(entries.find((e) => e.eventId === opened.basedOn[0])).toMatchObject({ service: 'review' });
  });
});
