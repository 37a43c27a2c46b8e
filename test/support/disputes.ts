import { agent, buyer, platform, type Actor, type HttpClient } from './http-client';
import { withKey } from './refunds';

/** Opens a complaint that must be accepted (the buyer by default); returns the case. */
export async function openDispute(api: HttpClient, body: Record<string, unknown>, actor: Actor = buyer): Promise<any> {
  const answer = await api.post('/disputes', { category: 'not_as_described', description: 'Not the colour of the photos.', ...body }, actor);
  if (answer.status !== 201) throw new Error(`open dispute: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Runs a case command that must succeed (200 or 201); returns the case. Money-moving ones get an Idempotency-Key. */
export async function disputeCommand(api: HttpClient, disputeId: string, action: string, body: Record<string, unknown>, actor: Actor = agent): Promise<any> {
  const answer = await api.post(`/disputes/${disputeId}/${action}`, body, actor, withKey());
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export const getDispute = async (api: HttpClient, disputeId: string, query = '', actor: Actor = platform): Promise<any> => {
  const answer = await api.get(`/disputes/${disputeId}${query}`, actor);
  if (answer.status !== 200) throw new Error(`get dispute: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};

export const disputeEvents = async (api: HttpClient, disputeId: string): Promise<any[]> => (await api.get(`/disputes/${disputeId}/events`)).body.events;
