import { randomUUID } from 'node:crypto';
import { admin, agent, buyer, type Actor, type HttpClient } from './http-client';
import { carrierEvent, payOrder, placeOrder, postCarrierEvent } from './orders';
import { everyTimelineEntry } from './timeline';

export const returnAddress = {
  name: 'Returns desk',
  phone: '+86 571 0000 0000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Yuhang',
  street: '1 Warehouse Road',
};

/** Two lines (so partial refunds and exchanges of one line make sense): 2 × 400 CNY tea + 200 CNY cup, 10 CNY shipping. */
export const twoLines = [
  { sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 2, unitPrice: 40_000, category: 'tea' },
  { sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 20_000 },
];

export const now = async (api: HttpClient): Promise<string> => (await api.get('/admin/clock', admin)).body.now;

/** A paid order; with `ship`, dispatched (and returns the shipment); with `deliver`, delivered now by a carrier scan. */
export async function paidOrder(
  api: HttpClient,
  stage: 'paid' | 'shipped' | 'delivered' = 'delivered',
  overrides: Record<string, unknown> = {},
): Promise<{ order: any; shipmentId?: string; trackingNo: string }> {
  const order = await placeOrder(api, { items: twoLines, ...overrides });
  await payOrder(api, order);
  const trackingNo = `SF${order.id}`;
  if (stage === 'paid') return { order, trackingNo };
  const created = await api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo }, agent);
  if (created.status !== 201) throw new Error(`create shipment: ${created.status} ${JSON.stringify(created.body)}`);
  await api.post(`/shipments/${created.body.id}/dispatch`, {}, agent);
  if (stage === 'delivered') {
    const answer = await postCarrierEvent(api, carrierEvent(trackingNo, `${trackingNo}-d`, 'delivered', await now(api)));
    if (answer.status !== 202) throw new Error(`delivered: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  // the dispatch and the carrier's scan reach the order and the refund service over the bus: settle before going on
  const settled = await api.post('/admin/settle', {}, admin);
  if (settled.status !== 200) throw new Error(`settle: ${settled.status} ${JSON.stringify(settled.body)}`);
  return { order, shipmentId: created.body.id, trackingNo };
}

/** Money-moving commands require an Idempotency-Key: a fresh one unless the caller names its own. */
export const withKey = (headers: Record<string, string> = {}): Record<string, string> =>
  Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key') ? headers : { ...headers, 'idempotency-key': randomUUID() };

export const postRefund = (api: HttpClient, body: Record<string, unknown>, actor: Actor = buyer, headers: Record<string, string> = {}) =>
  api.post('/refunds', body, actor, withKey(headers));

/** Posts a request that must be accepted; returns the refund. */
export async function requestRefund(api: HttpClient, body: Record<string, unknown>): Promise<any> {
  const answer = await postRefund(api, body);
  if (answer.status !== 201) throw new Error(`request refund: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function refundCommand(
  api: HttpClient,
  refundId: string,
  action: string,
  body: Record<string, unknown> = {},
  actor: Actor = agent,
): Promise<any> {
  const answer = await api.post(`/refunds/${refundId}/${action}`, body, actor, withKey());
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A delivered order and a request to exchange or reissue its cup (no money moves: the amount is 0). */
export async function cupRequest(api: HttpClient, type: 'exchange' | 'reissue', reason: string): Promise<{ order: any; refund: any }> {
  const { order } = await paidOrder(api, 'delivered');
  const refund = await requestRefund(api, { orderId: order.id, type, reason, amount: 0, items: [{ sku: 'cup', quantity: 1 }] });
  return { order, refund };
}

/** A cup exchange the merchant approved and the buyer shipped back by YTO, tracking number `<trackingPrefix>-<order id>`. */
export async function cupExchangeShippedBack(
  api: HttpClient,
  reason: string,
  trackingPrefix: string,
): Promise<{ order: any; refund: any }> {
  const { order, refund } = await cupRequest(api, 'exchange', reason);
  await refundCommand(api, refund.id, 'approval', { returnAddress });
  await refundCommand(api, refund.id, 'return-shipment', { carrier: 'YTO', trackingNo: `${trackingPrefix}-${order.id}` }, buyer);
  return { order, refund };
}

export const getRefund = async (api: HttpClient, refundId: string): Promise<any> => (await api.get(`/refunds/${refundId}`)).body;

/** The order's timeline as `service:Type`, to check what every service recorded. */
export const timelineOf = async (api: HttpClient, orderId: string): Promise<string[]> =>
  (await everyTimelineEntry(api, orderId)).map((e) => `${e.service}:${e.type}`);
