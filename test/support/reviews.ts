import { buyer, type Actor, type HttpClient } from './http-client';
import { paidOrder } from './refunds';

/** A delivered order whose buyer confirmed receipt: completed (交易成功), ready to be reviewed. */
export async function completedOrder(api: HttpClient): Promise<any> {
  const { order } = await paidOrder(api, 'delivered');
  const confirmed = await api.post(`/orders/${order.id}/receipt-confirmation`, {}, buyer);
  if (confirmed.status !== 200) throw new Error(`confirm receipt: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return order;
}

/** The buyer reviews the order (score 2 and a text unless the body names them) and expects it created; returns the review. */
export async function postReview(api: HttpClient, body: Record<string, unknown>, actor: Actor = buyer): Promise<any> {
  const posted = await api.post('/reviews', { score: 2, text: 'The box arrived crushed and late.', ...body }, actor);
  if (posted.status !== 201) throw new Error(`post review: ${posted.status} ${JSON.stringify(posted.body)}`);
  return posted.body;
}

/** A command on a review (`explanation`, `revision`, …) that must succeed. */
export async function reviewCommand(api: HttpClient, reviewId: string, path: string, body: Record<string, unknown>, actor: Actor): Promise<any> {
  const answer = await api.post(`/reviews/${reviewId}/${path}`, body, actor);
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
