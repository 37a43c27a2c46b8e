import { buyer, type Actor, type HttpClient } from './http-client';
import { paidOrder } from './refunds';

/** A delivered order whose buyer confirmed receipt: completed (交易成功), ready to be reviewed. */
export async function completedOrder(api: HttpClient): Promise<any> {
  const { order } = await paidOrder(api, 'delivered');
  const confirmed = await api.post(`/orders/${order.id}/receipt-confirmation`, {}, buyer);
  if (confirmed.status !== 200) throw new Error(`confirm receipt: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return order;
}

/** Posts a review and expects it created. */
export async function postReview(api: HttpClient, body: Record<string, unknown>, actor: Actor = buyer): Promise<any> {
  const answer = await api.post('/reviews', body, actor);
  if (answer.status !== 201) throw new Error(`post review: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A command on a review (`explanation`, `revision`, …) that must succeed. */
export async function reviewCommand(
  api: HttpClient,
  reviewId: string,
  path: string,
  body: Record<string, unknown>,
  actor: Actor,
): Promise<any> {
  const answer = await api.post(`/reviews/${reviewId}/${path}`, body, actor);
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
