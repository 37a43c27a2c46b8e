import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Bytes of every response (headers included) the client read: the server wrote them too. */
  responseBytes: number;
}

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  /** Path of each request (called once per request, in order). */
  path: (sequence: number) => string;
  body?: (sequence: number) => string;
  headers?: (sequence: number) => Record<string, string>;
  connections: number;
  seconds: number;
  /** Stop after this many requests instead of after `seconds`. */
  amount?: number;
}

/**
 * One autocannon run in this process (the server under load is another process). Each request gets its own
 * path, body and headers from the spec (a counter shared by all connections).
 */
export async function load(spec: LoadSpec): Promise<LoadResult> {
  let sequence = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.amount ? { amount: spec.amount } : {}),
    requests: [
      {
        method: spec.method,
        setupRequest: (request) => {
          const n = sequence++;
          return {
            ...request,
            method: spec.method,
            path: spec.path(n),
            headers: { 'content-type': 'application/json', ...spec.headers?.(n) },
            ...(spec.body ? { body: spec.body(n) } : {}),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / (result.duration || spec.seconds),
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    responseBytes: result.throughput.total,
  };
}
