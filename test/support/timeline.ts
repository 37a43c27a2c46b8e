import type { HttpClient } from './http-client';

/**
 * Every entry of the order's timeline, following `nextCursor` a page of 500 at a time (the timeline is paged). Throws on
 * an answer other than 200, naming it.
 */
export async function everyTimelineEntry<T = any>(api: HttpClient, orderId: string): Promise<T[]> {
  const entries: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await api.get(`/orders/${orderId}/timeline?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    if (answer.status !== 200) throw new Error(`timeline: ${answer.status} ${JSON.stringify(answer.body)}`);
    entries.push(...answer.body.entries);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return entries;
}
