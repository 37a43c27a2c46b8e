import { agent, type Actor, type HttpClient } from './http-client';

/** A command on a follow-up, expected to succeed; returns the follow-up. */
export async function followUpCommand(api: HttpClient, followUpId: string, action: string, body: Record<string, unknown>, actor: Actor = agent): Promise<any> {
  const answer = await api.post(`/review-follow-ups/${followUpId}/${action}`, body, actor);
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The follow-up of a review, from the shop's list; undefined when none opened. */
export async function followUpOf(api: HttpClient, reviewId: string, actor: Actor = agent): Promise<any> {
  const answer = await api.get('/review-follow-ups?shopId=shop-1&limit=200', actor);
  if (answer.status !== 200) throw new Error(`follow-ups: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items.find((item: { reviewId: string }) => item.reviewId === reviewId);
}
