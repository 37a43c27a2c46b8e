import type { TraceContext } from '@aftersales/contracts';
import { telemetry } from '@aftersales/kernel';
import { lowerCaseHeaderOf, type HttpRequestLike } from './http-types';

interface FinishingResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * A server span per HTTP request (HTTP semantic conventions), a child of the caller's `traceparent` when it sent one,
 * active while the request is handled so command spans nest under it; named by the matched route when it ends.
 * Registered only when tracing is on.
 */
export function httpServerSpans() {
  return (req: HttpRequestLike, res: FinishingResponse, next: (error?: unknown) => void): void => {
    const parent = traceOfRequest(req);
    const span = telemetry().startSpan(req.method, {
      kind: 'server',
      ...(parent ? { parent } : {}),
      attributes: { 'http.request.method': req.method, 'url.path': (req.originalUrl ?? req.url).split('?')[0], 'url.scheme': 'http' },
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = typeof req.route?.path === 'string' ? req.route.path : undefined;
      if (route) span.setName(`${req.method} ${route}`);
      span.setAttributes({ 'http.response.status_code': res.statusCode, 'http.route': route });
      if (res.statusCode >= 500) span.fail(new Error(`HTTP ${res.statusCode}`));
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    span.bind(req);
    span.activate(() => next());
  };
}

function traceOfRequest(req: HttpRequestLike): TraceContext | undefined {
  const traceparent = lowerCaseHeaderOf(req, 'traceparent')?.trim().toLowerCase();
  if (!traceparent) return undefined;
  const tracestate = lowerCaseHeaderOf(req, 'tracestate')?.trim();
  return tracestate ? { traceparent, tracestate } : { traceparent };
}
