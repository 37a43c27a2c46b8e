import { createHash, randomUUID } from 'node:crypto';
import type { Actor, TraceContext } from '@aftersales/contracts';
import type { CommandContext } from '@aftersales/kernel';
import { identityOf } from '../auth/identity';
import { canonicalJson } from './canonical-json';
import { lowerCaseHeaderOf, type HttpRequestLike } from './http-types';
import { badRequest, problem, ProblemException, type FieldError } from './problem';

export const COMMAND_HEADERS = {
  idempotencyKey: 'Idempotency-Key',
  ifMatch: 'If-Match',
  correlationId: 'X-Correlation-Id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

/** The same headers as Node keys them, so reading one per request copies no name. */
const HEADER_KEYS = {
  idempotencyKey: 'idempotency-key',
  ifMatch: 'if-match',
  correlationId: 'x-correlation-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const satisfies Record<keyof typeof COMMAND_HEADERS, string>;

export interface CommandContextOptions {
  /** Money-moving commands: a missing Idempotency-Key is a 400. */
  idempotencyRequired?: boolean;
}

export const MAX_HEADER_VALUE = 255;
/** What If-Match may hold, as the OpenAPI document states it (parseIfMatch reads the same). */
export const IF_MATCH_PATTERN = '^\\s*(\\*|\\d{1,15}|"\\d{1,15}"|W/"\\d{1,15}")?\\s*$';
const PRINTABLE = /^[\x21-\x7e]+$/;
const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

/**
 * The kernel's CommandContext of a request: the actor is the verified caller (set by authentication, never read from
 * headers), with the idempotency key, If-Match and tracing headers. Every bad header is reported at once in one 400.
 */
export function commandContextFrom(req: HttpRequestLike, options: CommandContextOptions = {}): CommandContext {
  const errors: FieldError[] = [];
  const actor = actorFrom(req);
  const expectedRevision = expectedRevisionFrom(lowerCaseHeaderOf(req, HEADER_KEYS.ifMatch), errors);
  const idempotencyKey = idempotencyKeyFrom(req, options, errors);
  if (errors.length > 0) {
    throw badRequest(`Invalid request headers: ${errors.map((e) => e.field).join(', ')}`, errors, 'invalid_headers');
  }
  const ctx: CommandContext = {
    actor,
    correlationId: correlationIdFrom(req),
    causationId: null,
  };
  const trace = traceFrom(req);
  if (trace) ctx.trace = trace;
  if (expectedRevision !== undefined) ctx.expectedRevision = expectedRevision;
  if (idempotencyKey !== undefined) {
    ctx.commandKey = {
      key: `${req.method.toUpperCase()} ${routePatternOf(req)}:${actor.id}:${idempotencyKey}`,
      requestHash: requestHashOf(req),
    };
  }
  return ctx;
}

/** The verified caller; a command route without one is a 401 (authentication did not run or found nobody). */
function actorFrom(req: HttpRequestLike): Actor {
  const identity = identityOf(req);
  if (!identity) throw new ProblemException(problem(401, 'missing_credentials', 'This route needs a caller: send Authorization: Bearer <token>'));
  return { id: identity.id, role: identity.role };
}

/** `3`, `"3"` and `W/"3"` all mean revision 3; `*` means any revision (no check). */
export function parseIfMatch(value: string | undefined): number | undefined | 'invalid' {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '*') return undefined;
  const match = /^(?:(\d{1,15})|"(\d{1,15})"|W\/"(\d{1,15})")$/.exec(trimmed);
  if (!match) return 'invalid';
  return Number(match[1] ?? match[2] ?? match[3]);
}

function expectedRevisionFrom(value: string | undefined, errors: FieldError[]): number | undefined {
  const parsed = parseIfMatch(value);
  if (parsed === 'invalid') {
    errors.push({ field: COMMAND_HEADERS.ifMatch, message: 'must be a revision number, e.g. 3, "3" or W/"3"' });
    return undefined;
  }
  return parsed;
}

function idempotencyKeyFrom(req: HttpRequestLike, options: CommandContextOptions, errors: FieldError[]): string | undefined {
  const key = lowerCaseHeaderOf(req, HEADER_KEYS.idempotencyKey)?.trim();
  if (!key) {
    if (options.idempotencyRequired) errors.push({ field: COMMAND_HEADERS.idempotencyKey, message: 'required for this command (it moves money)' });
    return undefined;
  }
  if (key.length > MAX_HEADER_VALUE || !PRINTABLE.test(key)) {
    errors.push({ field: COMMAND_HEADERS.idempotencyKey, message: `1 to ${MAX_HEADER_VALUE} printable ASCII characters without spaces` });
    return undefined;
  }
  return key;
}

function correlationIdFrom(req: HttpRequestLike): string {
  const given = lowerCaseHeaderOf(req, HEADER_KEYS.correlationId)?.trim();
  return given && given.length <= MAX_HEADER_VALUE && PRINTABLE.test(given) ? given : randomUUID();
}

/** Invalid trace headers are ignored, as W3C trace context asks. */
function traceFrom(req: HttpRequestLike): TraceContext | undefined {
  const traceparent = lowerCaseHeaderOf(req, HEADER_KEYS.traceparent)?.trim().toLowerCase();
  if (!traceparent || !TRACEPARENT.test(traceparent)) return undefined;
  const tracestate = lowerCaseHeaderOf(req, HEADER_KEYS.tracestate)?.trim();
  return tracestate ? { traceparent, tracestate } : { traceparent };
}

/** The route pattern (`/orders/:orderId/payment`), so the key scope does not depend on the concrete id. */
export function routePatternOf(req: HttpRequestLike): string {
  const pattern = req.route?.path;
  if (typeof pattern === 'string') return pattern;
  return (req.originalUrl ?? req.url).split('?')[0];
}

/** sha256 over method, concrete URL and canonical body: the same key with another request is refused. */
export function requestHashOf(req: HttpRequestLike): string {
  const url = req.originalUrl ?? req.url;
  return createHash('sha256')
    .update(`${req.method.toUpperCase()}\n${url}\n${canonicalJson(req.body ?? {})}`)
    .digest('hex');
}
