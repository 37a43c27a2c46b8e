import { Agent } from 'node:http';
import { median, perSecond } from '../support/statistics';
import { startPlatform } from '../target/server-process';
import { agentHeaders, buyerHeaders, call, placePaidOrders, pool, postJson, settle } from './api-client';

const platformHeaders = { 'x-actor-id': 'xiao-er-1', 'x-actor-role': 'platform', 'content-type': 'application/json' };

export interface ReviewIntake {
  reviews: number;
  concurrency: number;
  rounds: number;
  /** Median of the rounds: from the first POST /reviews until every answer came back. */
  perSecond: number;
  /** Median of the rounds: until /admin/settle says every consequence (follow-ups, the ratings) is processed. */
  settledPerSecond: number;
  /** Reviews the shop's rating counts afterwards, and how many the workload meant it to count. */
  counted: number;
  expectedCounted: number;
  held: number;
}

/**
 * The review bodies of a round, in the proportions of real traffic with moderation on: half are positive reviews
 * without text (nothing to check), the other half carry text the rules must read — most of it clean, one in five of
 * those with a phone number, a WeChat id or a link (held, not counted).
 */
export function reviewBody(orderId: string, i: number): { body: Record<string, unknown>; held: boolean } {
  if (i % 2 === 0) return { body: { orderId, rating: 'positive', score: 5 }, held: false };
  const kind = (i >> 1) % 10;
  const texts = [
    '38码刚好，物流很快，2026-11-05 下单 11月7日就到了，¥199 很值',
    'Arrived in 2 days, 5 stars, the 45cm lamp is sturdy',
    '订单号 2026110512345678，客服处理很快，型号 XQG100-14B1 没问题',
    '质量一般，包装有点破，净重500g 实际 480g',
    '颜色和图片有色差，客服回复慢',
    '有问题打 138 0013 8000 找我，同款更便宜',
    '加我微信：cheap_lamp88 有优惠',
    '身高175cm 体重65kg 买的 XL 合适，快递单号 SF1234567890123',
    '一般般，三四天才到，不过价格 89.9 还行',
    '更便宜的看这里 https://cheap-lamps.example.com',
  ];
  const held = kind === 5 || kind === 6 || kind === 9;
  const rating = kind === 3 || kind === 4 ? 'negative' : kind === 8 ? 'neutral' : 'positive';
  return { body: { orderId, rating, score: rating === 'positive' ? 5 : rating === 'neutral' ? 3 : 2, text: texts[kind] }, held };
}

async function completeOrders(url: string, ids: readonly string[]): Promise<void> {
  await pool(ids, 16, async (orderId) => {
    const shipment = (await call(`${url}/shipments`, 'POST', { orderId, carrier: 'SF', trackingNo: `SF${orderId}` }, { ...agentHeaders, 'idempotency-key': `ship-${orderId}` })).body as { id: string };
    await call(`${url}/shipments/${shipment.id}/dispatch`, 'POST', {}, { ...agentHeaders, 'idempotency-key': `dispatch-${orderId}` });
  });
  await settle(url);
  await pool(ids, 16, async (orderId) => {
    await call(`${url}/orders/${orderId}/receipt-confirmation`, 'POST', {}, { ...buyerHeaders, 'idempotency-key': `receipt-${orderId}` });
  });
  await settle(url);
}

/**
 * Buyers' reviews per second through HTTP (POST /reviews on completed orders, one per order) on the platform in a child
 * process (embedded mode), moderation on, `concurrency` clients at a time. Undefined when the checkout has no reviews.
 */
export async function reviewIntake(options: { reviews: number; concurrency: number; rounds: number; log: (line: string) => void }): Promise<ReviewIntake | undefined> {
  const platform = await startPlatform();
  try {
    const url = platform.url;
    const probe = await fetch(`${url}/reviews`, { method: 'POST', headers: { ...buyerHeaders, 'idempotency-key': 'probe' }, body: '{}' });
    if (probe.status === 404) {
      options.log('  POST /reviews is 404 in this checkout: no review routes yet');
      return undefined;
    }
    const total = options.reviews * options.rounds;
    const ids = await placePaidOrders(url, total, 16, 'review');
    await completeOrders(url, ids);
    options.log(`  ${ids.length} completed orders ready; ${options.rounds} round(s) of ${options.reviews} reviews with ${options.concurrency} clients`);
    const answered: number[] = [];
    const settled: number[] = [];
    let held = 0;
    const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
    try {
      for (let round = 0; round < options.rounds; round++) {
        const ofRound = ids.slice(round * options.reviews, (round + 1) * options.reviews);
        const bodies = ofRound.map((orderId, i) => reviewBody(orderId, i));
        held += bodies.filter((b) => b.held).length;
        const started = performance.now();
        await pool(bodies, options.concurrency, async ({ body }) => {
          await postJson(`${url}/reviews`, body, { ...buyerHeaders, 'idempotency-key': `review-${String(body.orderId)}` }, agent);
        });
        answered.push(performance.now() - started);
        await settle(url);
        settled.push(performance.now() - started);
        options.log(`  round ${round + 1}: ${ofRound.length} reviews answered in ${Math.round(answered.at(-1)!)} ms, settled in ${Math.round(settled.at(-1)!)} ms`);
      }
    } finally {
      agent.destroy();
    }
    const rating = (await call(`${url}/shops/shop-1/rating`, 'GET', undefined, platformHeaders)).body as { positive: number; neutral: number; negative: number };
    return {
      reviews: options.reviews,
      concurrency: options.concurrency,
      rounds: options.rounds,
      perSecond: perSecond(options.reviews, median(answered)),
      settledPerSecond: perSecond(options.reviews, median(settled)),
      counted: rating.positive + rating.neutral + rating.negative,
      expectedCounted: total - held,
      held,
    };
  } finally {
    await platform.stop();
  }
}
