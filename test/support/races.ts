import { finance, type HttpAnswer, type HttpClient } from './http-client';
import { everyTimelineEntry } from './timeline';

/** How many calls a race fires at once (the issue's races: 50 simultaneous calls). */
export const RACERS = 50;

/**
 * Opens `n` keep-alive connections to the server, so that the calls of the race that follows each find a connection
 * ready and reach the server together, instead of queueing behind connection set-up one at a time.
 */
export async function openConnections(api: HttpClient, path: string, n = RACERS): Promise<void> {
  await Promise.all(Array.from({ length: n }, () => api.get(path)));
}

/** `n` calls started before any of them answers; the answers in call order. */
export function simultaneously(n: number, call: (i: number) => Promise<HttpAnswer>): Promise<HttpAnswer[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => call(i)));
}

/**
 * The outcomes counted, keyed by status for a success (`200`) and by status and problem code for a refusal
 * (`409 stale_revision`): one `toEqual` on it shows every observed count when it fails.
 */
export function outcomes(answers: HttpAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.status < 300 ? String(answer.status) : `${answer.status} ${answer.body?.code ?? '(no problem code)'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** How many times each value occurs: `{ counterfeit: 1 }` reads better in a failure than a list of 50. */
export function tally(values: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}

/** The outcomes by status alone, for a refusal whose problem code the API does not fix. */
export const statuses = (answers: HttpAnswer[]): Record<string, number> => tally(answers.map((a) => a.status));

/** Every refusal is application/problem+json whose `type` and `status` name what it is. */
export function expectProblemDocuments(answers: HttpAnswer[]): void {
  const refusals = answers.filter((a) => a.status >= 300);
  const malformed = refusals.filter(
    (a) =>
      !/^application\/problem\+json/.test(a.headers.get('content-type') ?? '') ||
      a.body?.status !== a.status ||
      typeof a.body?.code !== 'string' ||
      a.body?.type !== `https://aftersales.dev/problems/${encodeURIComponent(a.body.code)}`,
  );
  expect(malformed.map((a) => ({ status: a.status, contentType: a.headers.get('content-type'), body: a.body }))).toEqual([]);
}

export const succeeded = (answers: HttpAnswer[]): HttpAnswer[] => answers.filter((a) => a.status < 300);
export const refused = (answers: HttpAnswer[]): HttpAnswer[] => answers.filter((a) => a.status >= 300);

/** Distinct Idempotency-Keys for the calls of one race: each call is its own command, not a retry of another. */
export const ownKey = (race: string, i: number): Record<string, string> => ({ 'idempotency-key': `${race}-${i}` });

export interface TimelineEntry {
  position: number;
  type: string;
  service: string;
  streamId: string;
}

/** Every event of the order across all services, with its position in the log (one log in embedded mode). */
export function timelineOf(api: HttpClient, orderId: string): Promise<TimelineEntry[]> {
  return everyTimelineEntry<TimelineEntry>(api, orderId);
}

/** How many events of each of `types` the entries hold (0 for a type that is absent). */
export function countOf(entries: { type: string }[], ...types: string[]): Record<string, number> {
  return Object.fromEntries(types.map((type) => [type, entries.filter((e) => e.type === type).length]));
}

/** GET /ledger/reconciliation, as finance. */
export async function reconciliation(api: HttpClient): Promise<any> {
  const answer = await api.send('GET', '/ledger/reconciliation', undefined, finance);
  if (answer.status !== 200) throw new Error(`reconciliation: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The journal balances and matches, payout by payout, what the provider confirmed. */
export function expectReconciled(report: any): void {
  expect({ balanced: report.balanced, matchesPayouts: report.matchesPayouts, unmatched: report.unmatched }).toEqual({
    balanced: true,
    matchesPayouts: true,
    unmatched: { payoutsWithoutEntry: [], entriesWithoutPayout: [], amountMismatches: [] },
  });
}

/** The order's journal entries (every page), as finance. */
export async function ledgerEntriesOf(api: HttpClient, orderId: string): Promise<any[]> {
  const entries: any[] = [];
  let cursor: string | undefined;
  do {
    const query = `orderId=${orderId}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await api.send<any>('GET', `/ledger/entries?${query}`, undefined, finance);
    if (answer.status !== 200) throw new Error(`ledger entries: ${answer.status} ${JSON.stringify(answer.body)}`);
    entries.push(...answer.body.entries);
    cursor = answer.body.nextCursor;
  } while (cursor !== undefined);
  return entries;
}
