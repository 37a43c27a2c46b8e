import type { ServiceProcess } from './process-client';

/** What the gateway answers: a process's status, content type and body text. */
export interface FannedOutAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Headers that name or prove the caller, passed on to every process (each one checks them itself). */
const CALLER_HEADERS = ['authorization', 'x-actor-id', 'x-actor-role', 'x-actor-shops', 'x-correlation-id', 'traceparent', 'tracestate'];

/**
 * POST /admin/buyers/{buyerId}/erasure when the services run as separate processes: they share the key store, so the
 * first process shreds the keys and records the erasure; every other process is then asked the same, which finds it
 * done (`alreadyErased`), forgets the keys it held in memory and rewrites its own read models. The answer is the first
 * process's, with every process's rebuilt read models; the first refusal (401, 403, 400) or failure is answered as is.
 */
export async function eraseOnEveryProcess(
  processes: readonly ServiceProcess[],
  path: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): Promise<FannedOutAnswer> {
  const forwarded: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of CALLER_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  let first: { status: number; body: Record<string, unknown> } | undefined;
  const rebuilt: string[] = [];
  for (const process of processes) {
    const response = await fetch(process.url + path, { method: 'POST', headers: forwarded, body });
    const text = await response.text();
    if (response.status !== 200)
      return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: text };
    const answer = JSON.parse(text) as Record<string, unknown>;
    first ??= { status: response.status, body: answer };
    rebuilt.push(...((answer.projectionsRebuilt as string[] | undefined) ?? []));
  }
  if (!first) return { status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'no service process is running' }) };
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ ...first.body, projectionsRebuilt: rebuilt }),
  };
}
