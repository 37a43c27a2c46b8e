import { agent, buyer, finance, platform, supervisor, type HttpClient } from '../support/http-client';
import { useTestSystem, type TestSystem } from '../support/embedded-system';
import { completedOrder, postReview as postBuyerReview } from '../support/reviews';

// Kafka mode: every review crosses the broker from the order process to the review process.
jest.setTimeout(180_000);

const SHOP = 'shop-1';
const otherShopAgent = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };

/** A completed order of shop-1 the review service has heard of. */
async function completed(t: TestSystem): Promise<string> {
  const order = await completedOrder(t.api);
  await t.settle();
  return order.id;
}

const postReview = (t: TestSystem, body: Record<string, unknown>) => postBuyerReview(t.api, body);

async function reviewCommand(api: HttpClient, reviewId: string, path: string, body: Record<string, unknown>, actor = platform): Promise<any> {
  const answer = await api.post(`/reviews/${reviewId}/${path}`, body, actor);
  if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function rating(t: TestSystem): Promise<any> {
  await t.settle();
  const answer = await t.api.get(`/shops/${SHOP}/rating`, supervisor);
  expect(answer.status).toBe(200);
  return answer.body;
}

const counts = (r: any) => ({ positive: r.positive, neutral: r.neutral, negative: r.negative, score: r.score, positiveRate: r.positiveRate });

describe("the shop's rating over counted reviews", () => {
  const t = useTestSystem('all');

  it('given reviews of every rating, one held for a phone number, then held reviews do not count until published; a revision and an upheld appeal move the counts; a rebuild reads the same', async () => {
    await postReview(t, { orderId: await completed(t), rating: 'positive', score: 5, text: '38码刚好，¥199 很值，2026-11-05 下单' });
    const neutral = await postReview(t, { orderId: await completed(t), rating: 'neutral', score: 3, text: '一般般，订单号 2026110512345678 三天才到' });
    const held = await postReview(t, { orderId: await completed(t), rating: 'negative', score: 1, text: '质量差，有事打 138 0013 8000' });
    expect(held.status).toBe('held');
    expect(held.moderation.hold).toEqual({ ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion: '2026-12-v5' });
    expect(counts(await rating(t))).toEqual({ positive: 1, neutral: 1, negative: 0, score: 1, positiveRate: 0.5 });

    await reviewCommand(t.api, held.id, 'moderation', { decision: 'publish', reason: 'The number is the courier hotline' });
    expect(counts(await rating(t))).toEqual({ positive: 1, neutral: 1, negative: 1, score: 0, positiveRate: 0.3333 });

    await reviewCommand(t.api, held.id, 'revision', { rating: 'positive', score: 4, text: '客服联系了我，补发了' }, buyer);
    expect(counts(await rating(t))).toEqual({ positive: 2, neutral: 1, negative: 0, score: 2, positiveRate: 0.6667 });

    await reviewCommand(t.api, neutral.id, 'appeal', { reason: 'The buyer asked for money to change it', evidence: [{ kind: 'chat_log', ref: 'chat-1' }] }, agent);
    await reviewCommand(t.api, neutral.id, 'appeal/decision', { upheld: true, reason: 'Extortion shown in the chat' });
    const live = await rating(t);
    expect(counts(live)).toEqual({ positive: 2, neutral: 0, negative: 0, score: 2, positiveRate: 1 });

    const headBefore = (await t.api.post('/admin/settle', {})).body.head;
    expect((await t.api.post('/admin/projections/shop_ratings/rebuild', {})).status).toBe(200);
    expect(await rating(t)).toEqual(live);
    expect((await t.api.post('/admin/settle', {})).body.head).toBe(headBefore);
  });

  it('shop staff of the shop, the platform and finance read it; a buyer may not (403), nor another shop\'s agent', async () => {
    for (const reader of [agent, supervisor, platform, finance]) expect((await t.api.get(`/shops/${SHOP}/rating`, reader)).status).toBe(200);
    const refused = await t.api.get(`/shops/${SHOP}/rating`, buyer);
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('rating.read_by_shop_staff_platform_or_finance');
    expect((await t.api.get(`/shops/${SHOP}/rating`, otherShopAgent)).status).toBe(404);
  });
});

describe("the shop's follow-up figures", () => {
  const t = useTestSystem('all');

  it('given two negative reviews, one buyer contacted after 30 minutes and revising upwards, the other contacted after 25 hours, then opened 2, contacted in time 1, revised 1, median 765 minutes; a rebuild reads the same', async () => {
    const first = await postReview(t, { orderId: await completed(t), rating: 'negative', score: 1, text: '盒子压坏了' });
    const second = await postReview(t, { orderId: await completed(t), rating: 'negative', score: 2, text: 'Arrived late, 5 days' });
    await t.settle();
    const listed = (await t.api.get(`/review-follow-ups?shopId=${SHOP}`, supervisor)).body.items as any[];
    const followUpOf = (reviewId: string) => listed.find((f) => f.reviewId === reviewId).id;

    await t.advance({ minutes: 30 });
    expect((await t.api.post(`/review-follow-ups/${followUpOf(first.id)}/contact`, { channel: 'phone', note: 'Sent a new box' }, agent)).status).toBe(200);
    await reviewCommand(t.api, first.id, 'revision', { rating: 'positive', score: 4 }, buyer);
    await t.advance({ hours: 24, minutes: 30 });
    expect((await t.api.post(`/review-follow-ups/${followUpOf(second.id)}/contact`, { channel: 'chat', note: 'Apologised for the delay' }, agent)).status).toBe(200);

    const live = await rating(t);
    expect(live.followUps).toEqual({ opened: 2, contactedInTime: 1, revisedUpward: 1, revisionRate: 0.5, medianMinutesToContact: 765 });
    expect(counts(live)).toEqual({ positive: 1, neutral: 0, negative: 1, score: 0, positiveRate: 0.5 });
    expect((await t.api.post('/admin/projections/shop_ratings/rebuild', {})).status).toBe(200);
    expect(await rating(t)).toEqual(live);
  });
});
