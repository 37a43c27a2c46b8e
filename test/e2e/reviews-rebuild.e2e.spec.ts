import { agent, buyer, platform } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { completedOrder, postReview, reviewCommand } from '../support/reviews';

/** The review service's read models are folds of the log: rebuilt from nothing, they serve the same answers. */
describe('rebuilding the review read models', () => {
  const t = useTestSystem('all');

  it('given reviews published, held, revised, explained and hidden, when the reviews projection and the order facts are rebuilt, then every read answers the same and nothing is appended', async () => {
    const revised = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, rating: 'negative', score: 2, text: 'Late.' });
    await reviewCommand(t.api, revised.id, 'explanation', { text: 'Sorry, the carrier lost a day.' }, agent);
    await reviewCommand(t.api, revised.id, 'revision', { rating: 'positive', score: 4 }, buyer);
    const held = await postReview(t.api, {
      orderId: (await completedOrder(t.api)).id,
      rating: 'neutral',
      score: 3,
      text: 'See www.cheap-lamps.example',
    });
    const hidden = await postReview(t.api, {
      orderId: (await completedOrder(t.api)).id,
      rating: 'negative',
      score: 1,
      text: 'Pay me or this stays.',
    });
    await reviewCommand(
      t.api,
      hidden.id,
      'appeal',
      { reason: 'Extortion', evidence: [{ kind: 'chat_log', ref: 'media/chat.png' }] },
      agent,
    );
    await reviewCommand(t.api, hidden.id, 'appeal/decision', { upheld: true, reason: 'The chat shows it.' }, platform);
    const unreviewed = await completedOrder(t.api);

    const reads = async () => ({
      reviews: await Promise.all([revised.id, held.id, hidden.id].map(async (id) => (await t.api.get(`/reviews/${id}`, platform)).body)),
      shop: (await t.api.get('/shops/shop-1/reviews', platform)).body,
      counted: (await t.api.get('/shops/shop-1/reviews?status=published', agent)).body,
    });
    const headBefore = (await t.api.post('/admin/settle', {})).body.head;
    const before = await reads();
    expect(before.shop.items.map((r: any) => [r.id, r.status, r.counted]).sort()).toEqual(
      [
        [revised.id, 'published', true],
        [held.id, 'held', false],
        [hidden.id, 'hidden', false],
      ].sort(),
    );

    for (const name of ['reviews', 'review_order_facts'])
      expect((await t.api.post(`/admin/projections/${name}/rebuild`, {})).status).toBe(200);
    const headAfter = (await t.api.post('/admin/settle', {})).body.head;

    expect(headAfter).toBe(headBefore);
    expect(await reads()).toEqual(before);
    // The rebuilt order facts serve posting again.
    await postReview(t.api, { orderId: unreviewed.id, rating: 'positive', score: 5 });
  });
});
