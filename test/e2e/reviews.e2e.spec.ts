import { admin, agent, buyer, platform, type Actor } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder, timelineOf } from '../support/refunds';
import { completedOrder, postReview, reviewCommand } from '../support/reviews';

const otherBuyer: Actor = { id: 'buyer-2', role: 'buyer' };
const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };
const rulebookVersion = '2026-12-v5';
const negative = { rating: 'negative', score: 2, text: 'The box arrived crushed.' };

/** Reviews through HTTP with the manual clock (issue 13, the review service's done-when lines). */
describe('reviews through HTTP', () => {
  const t = useTestSystem();

  it('given an order not yet completed, then a review is 422; once completed it is published and counted; a second is 409', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const early = await t.api.post('/reviews', { orderId: order.id, ...negative }, buyer);
    expect([early.status, early.body.rule]).toEqual([422, 'review.order_not_completed']);

    await t.api.post(`/orders/${order.id}/receipt-confirmation`, {}, buyer);
    const review = await postReview(t.api, { orderId: order.id, ...negative });

    expect(review).toMatchObject({
      orderId: order.id,
      shopId: 'shop-1',
      buyerId: 'buyer-1',
      rating: 'negative',
      status: 'published',
      counted: true,
      revisions: [],
    });
    expect(review.id).toMatch(/^rev_/);
    expect((await t.api.get(`/orders/${order.id}/review`, buyer)).body.id).toBe(review.id);
    const second = await t.api.post('/reviews', { orderId: order.id, rating: 'positive', score: 5 }, buyer);
    expect([second.status, second.body.code]).toEqual([409, 'review.already_posted']);
  });

  it('given an order completed 15 days and an hour ago, then a review is 422 naming the window rule', async () => {
    const order = await completedOrder(t.api);
    await t.advance({ days: 15, hours: 1 });
    const late = await t.api.post('/reviews', { orderId: order.id, ...negative }, buyer);
    expect([late.status, late.body.rule, late.body.rulebookVersion]).toEqual([422, 'review.window', rulebookVersion]);
  });

  it('given neutral without text or a 501-character text, then 422 naming the rule', async () => {
    const order = await completedOrder(t.api);
    expect((await t.api.post('/reviews', { orderId: order.id, rating: 'neutral', score: 3 }, buyer)).body.rule).toBe(
      'review.text_required',
    );
    expect((await t.api.post('/reviews', { orderId: order.id, rating: 'neutral', score: 3, text: 'x'.repeat(501) }, buyer)).body.rule).toBe(
      'review.text',
    );
  });

  it('given a review with a phone number, then it is held naming the rule, not counted and withheld from the shop, until the platform publishes it', async () => {
    const order = await completedOrder(t.api);
    const held = await postReview(t.api, { orderId: order.id, rating: 'negative', score: 1, text: 'Broken. Call me: 13812345678' });
    expect(held).toMatchObject({
      status: 'held',
      counted: false,
      moderation: { hold: { ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion } },
    });
    expect((await t.api.get(`/reviews/${held.id}`, agent)).body).toMatchObject({ status: 'held', text: '' });
    expect((await t.api.get('/shops/shop-1/reviews?status=held', agent)).body.items.map((r: any) => r.id)).toEqual([held.id]);

    const published = await reviewCommand(
      t.api,
      held.id,
      'moderation',
      { decision: 'publish', reason: 'Courier hotline, not a contact' },
      platform,
    );

    expect(published).toMatchObject({ status: 'published', counted: true, moderation: { decision: 'publish', moderatorId: platform.id } });
    expect((await t.api.get(`/reviews/${held.id}`, agent)).body.text).toBe('Broken. Call me: 13812345678');
    const again = await t.api.post(`/reviews/${held.id}/moderation`, { decision: 'reject', reason: 'again' }, platform);
    expect([again.status, again.body.code]).toEqual([409, 'review.nothing_held']);
  });

  it('given a review, then the shop explains once, never after the follow-up review, never after 30 days', async () => {
    const first = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, ...negative });
    await reviewCommand(t.api, first.id, 'explanation', { text: 'Sorry: a new box is on its way.' }, agent);
    const twice = await t.api.post(`/reviews/${first.id}/explanation`, { text: 'Again' }, agent);
    expect([twice.status, twice.body.rule]).toEqual([422, 'review.explanation_once']);

    const second = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, ...negative });
    await reviewCommand(t.api, second.id, 'follow-up-review', { text: 'Still broken a week later.' }, buyer);
    const afterFollowUp = await t.api.post(`/reviews/${second.id}/explanation`, { text: 'Sorry' }, agent);
    expect([afterFollowUp.status, afterFollowUp.body.rule]).toEqual([422, 'review.explanation_after_follow_up_review']);

    const third = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, ...negative });
    await t.advance({ days: 30, hours: 1 });
    const late = await t.api.post(`/reviews/${third.id}/explanation`, { text: 'Sorry' }, agent);
    expect([late.status, late.body.rule]).toEqual([422, 'review.explanation']);
  });

  it('given a negative review, when the buyer revises it to positive within 30 days, then it counts as positive; a second or a downward revision is 422', async () => {
    const review = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, ...negative });
    await t.advance({ days: 3 });
    const revised = await reviewCommand(
      t.api,
      review.id,
      'revision',
      { rating: 'positive', score: 5, text: 'The shop replaced it.' },
      buyer,
    );
    expect(revised).toMatchObject({
      rating: 'positive',
      score: 5,
      counted: true,
      text: 'The shop replaced it.',
      revisions: [{ from: { rating: 'negative', score: 2 }, to: { rating: 'positive', score: 5 } }],
    });
    const twice = await t.api.post(`/reviews/${review.id}/revision`, { rating: 'positive', score: 5 }, buyer);
    expect([twice.status, twice.body.rule]).toEqual([422, 'review.revision_once']);

    const neutral = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, rating: 'neutral', score: 3, text: 'So-so.' });
    const down = await t.api.post(`/reviews/${neutral.id}/revision`, { rating: 'negative', score: 1 }, buyer);
    expect([down.status, down.body.rule]).toEqual([422, 'review.revision_upwards_only']);
  });

  it('given a malicious review, when the shop appeals and the platform upholds it, then the review is hidden and not counted', async () => {
    const review = await postReview(t.api, { orderId: (await completedOrder(t.api)).id, ...negative });
    const appealed = await reviewCommand(
      t.api,
      review.id,
      'appeal',
      { reason: 'The buyer asked 200 CNY to remove it.', evidence: [{ kind: 'chat_log', ref: 'media/chat.png' }] },
      agent,
    );
    expect(appealed.appeal).toMatchObject({ status: 'pending' });

    const decided = await reviewCommand(
      t.api,
      review.id,
      'appeal/decision',
      { upheld: true, reason: 'The chat shows the demand.' },
      platform,
    );

    expect(decided).toMatchObject({ status: 'hidden', counted: false, appeal: { status: 'upheld' } });
    expect((await t.api.get('/shops/shop-1/reviews?status=hidden', platform)).body.items.map((r: any) => r.id)).toEqual([review.id]);
  });

  it('given each route, then a role the table does not allow is 403, and a caller who may not see the review is 404', async () => {
    const order = await completedOrder(t.api);
    expect((await t.api.post('/reviews', { orderId: order.id, ...negative }, agent)).status).toBe(403);
    expect((await t.api.post('/reviews', { orderId: order.id, ...negative }, otherBuyer)).status).toBe(404);
    const review = await postReview(t.api, { orderId: order.id, ...negative });
    const forbidden: [string, Record<string, unknown>, Actor][] = [
      ['moderation', { decision: 'publish', reason: 'x' }, agent],
      ['explanation', { text: 'x' }, buyer],
      ['follow-up-review', { text: 'x' }, agent],
      ['revision', { rating: 'positive', score: 5 }, agent],
      ['appeal', { reason: 'x', evidence: [{ kind: 'other', ref: 'x' }] }, buyer],
      ['appeal/decision', { upheld: true, reason: 'x' }, agent],
    ];
    for (const [path, body, actor] of forbidden)
      expect([path, (await t.api.post(`/reviews/${review.id}/${path}`, body, actor)).status]).toEqual([path, 403]);
    expect((await t.api.get(`/reviews/${review.id}`, { id: 'ops', role: 'admin' })).status).toBe(403);
    expect((await t.api.get(`/orders/${order.id}/review`, { id: 'ops', role: 'admin' })).status).toBe(403);
    expect((await t.api.get('/shops/shop-1/reviews', buyer)).status).toBe(403);
    expect((await t.api.get('/shops/shop-1/reviews', otherShopAgent)).status).toBe(404);
    expect((await t.api.get(`/reviews/${review.id}`, otherBuyer)).status).toBe(404);
    expect((await t.api.post(`/reviews/${review.id}/explanation`, { text: 'x' }, otherShopAgent)).status).toBe(404);
  });

  it("given a review, a follow-up review and a revision, then the order's timeline shows them, and after the buyer's erasure their texts read [erased]", async () => {
    const order = await completedOrder(t.api);
    const review = await postReview(t.api, { orderId: order.id, rating: 'negative', score: 1, text: 'Wang Xiaoming got a broken lamp.' });
    await reviewCommand(t.api, review.id, 'follow-up-review', { text: 'Still broken, says Wang Xiaoming.' }, buyer);
    await reviewCommand(t.api, review.id, 'revision', { rating: 'neutral', score: 3, text: 'Wang Xiaoming got a refund.' }, buyer);
    expect(await timelineOf(t.api, order.id)).toEqual(expect.arrayContaining(['review:ReviewPosted', 'review:FollowUpReviewPosted', 'review:ReviewRevised']));

    const erased = await t.api.post('/admin/buyers/buyer-1/erasure', { reason: 'Buyer asked to be forgotten' }, admin);
    await t.settle();

    expect(erased.status).toBe(200);
    const read = (await t.api.get(`/reviews/${review.id}`, platform)).body;
    expect(read).toMatchObject({ rating: 'neutral', score: 3, text: '[erased]', followUpReview: { text: '[erased]' }, revisions: [{ text: '[erased]' }] });
    const listed = (await t.api.get('/shops/shop-1/reviews', platform)).body.items.find((r: any) => r.id === review.id);
    expect(listed).toMatchObject({ text: '[erased]', followUpReview: { text: '[erased]' } });
  });
});
