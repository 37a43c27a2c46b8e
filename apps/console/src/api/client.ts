import { isProblem, problemOfAnswer, type Problem } from '../format/problem';

/**
 * The one way the console calls the API: same origin, `Authorization: Bearer <token>`, JSON in and out; an error answer
 * becomes an ApiError carrying the problem+json (or one made for an answer that was not a problem). A 401 also tells
 * the session (it goes back to sign-in). Views call `api()` from their hooks in api/<area>.ts, never fetch directly.
 */

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Money-moving commands: one key per user intent, reused when the same intent is retried (see useIntentKey). */
  idempotencyKey?: string;
  /** The revision the user saw: a stale one answers 409. */
  ifMatch?: number | string;
  /** `text/csv` for downloads; JSON otherwise. */
  accept?: string;
  signal?: AbortSignal;
}

interface ApiSettings {
  token: () => string | undefined;
  onUnauthorized: (problem: Problem) => void;
}

let settings: ApiSettings = { token: () => undefined, onUnauthorized: () => undefined };

/** Called once by the session provider: where the token comes from and what a 401 does. */
export function configureApi(next: ApiSettings): void {
  settings = next;
}

export function pathWithQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The raw answer of a successful call (CSV downloads, headers such as ETag); errors throw ApiError. */
export async function apiFetch(path: string, request: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: request.accept ?? 'application/json' };
  const token = settings.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
  if (request.ifMatch !== undefined) headers['If-Match'] = String(request.ifMatch);
  let answer: Response;
  try {
    answer = await fetch(pathWithQuery(path, request.query), {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(problemOfAnswer(0, '', error instanceof Error ? error.message : String(error)));
  }
  if (answer.ok) return answer;
  const problem = await problemOf(answer);
  if (answer.status === 401) settings.onUnauthorized(problem);
  throw new ApiError(problem);
}

/** A JSON call: the parsed body of a successful answer (undefined for 204). */
export async function api<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const answer = await apiFetch(path, request);
  if (answer.status === 204) return undefined as T;
  return (await answer.json()) as T;
}

async function problemOf(answer: Response): Promise<Problem> {
  const text = await answer.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (isProblem(body)) return body;
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  return problemOfAnswer(answer.status, answer.statusText, text);
}
