import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { HttpRequestLike } from './http-types';
import { problem, ProblemException, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem';
import { BODY_DOCUMENTED } from './valid-input.decorators';

/**
 * The edge's guards against malformed requests, each answering a 4xx problem+json before any handler (or anything
 * recursive) runs: a request Node cannot parse (bad header byte), a method the path does not serve (405 with Allow),
 * a body that is not JSON (415), JSON nested deeper than the limit (400), a body sent to a route that takes none (400).
 */

/** Default nesting limit of a JSON body: far above any schema of the API (they nest 4 deep), far below a stack. */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/** Methods whose requests carry a body the API reads. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

type Next = (error?: unknown) => void;
interface MiddlewareResponse {
  setHeader(name: string, value: string): unknown;
}
export type Middleware = (req: HttpRequestLike, res: MiddlewareResponse, next: Next) => void;

/** True when `value` nests more than `maxDepth` arrays/objects (the body itself is depth 1). Iterative: any depth is safe. */
export function jsonDepthExceeds(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** After the JSON parser: a body nested deeper than `maxDepth` is a 400 naming the limit. */
export function jsonDepthLimit(maxDepth = DEFAULT_MAX_JSON_DEPTH): Middleware {
  return (req, _res, next) => {
    if (req.body !== undefined && jsonDepthExceeds(req.body, maxDepth)) {
      next(
        new ProblemException(
          problem(400, 'json_too_deep', `The JSON body nests deeper than ${maxDepth} levels`, {
            maxDepth,
            errors: [{ field: '/', message: `at most ${maxDepth} nested arrays/objects` }],
          }),
        ),
      );
      return;
    }
    next();
  };
}

const hasBody = (req: HttpRequestLike): boolean => {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
};

/** Before the parsers: a POST/PUT/PATCH that carries a body must say it is application/json, else 415. */
export function jsonContentTypeOnly(): Middleware {
  return (req, _res, next) => {
    if (!BODY_METHODS.has(req.method.toUpperCase()) || !hasBody(req)) return next();
    const header = req.headers['content-type'];
    if (header === 'application/json' || header === 'application/json; charset=utf-8') return next(); // as most clients send it
    const type = (Array.isArray(header) ? header[0] : header)?.split(';')[0].trim().toLowerCase() ?? '';
    if (type === 'application/json') return next();
    next(
      new ProblemException(
        problem(
          415,
          'unsupported_media_type',
          `Request bodies are application/json, not ${type === '' ? 'a body without Content-Type' : type}`,
          {
            accepted: ['application/json'],
          },
        ),
      ),
    );
  };
}

interface RouteLayer {
  route?: { path?: unknown; methods?: Record<string, boolean> };
}
interface ExpressLike {
  router?: { stack?: RouteLayer[] };
  _router?: { stack?: RouteLayer[] };
}
interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/orders/:orderId/payment` → a case-insensitive matcher (Express' defaults: not strict, not case-sensitive). */
function patternOf(path: string): RegExp | undefined {
  if (/[*{}()]/.test(path)) return undefined;
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  return new RegExp(`^${source.replace(/\/$/, '')}/?$`, 'i');
}

/**
 * Before the routes: a method the path does not serve is 405 with `Allow` (TRACE, PATCH, DELETE on a POST route…);
 * an unknown path goes on to the 404 problem. The route table is read from Express once, at the first request.
 */
export function methodNotAllowed(express: () => ExpressLike): Middleware {
  // Known paths grouped by their number of segments and first segment (routes starting with a parameter under every
  // first segment): a request is tested only against the routes it could match.
  let known: Map<string, KnownPath[]> | undefined;
  const table = (): Map<string, KnownPath[]> => {
    if (known) return known;
    const byPath = new Map<string, KnownPath & { segments: number; first: string }>();
    const instance = express();
    for (const layer of (instance.router ?? instance._router)?.stack ?? []) {
      const path = layer.route?.path;
      if (typeof path !== 'string') continue;
      const pattern = patternOf(path);
      if (!pattern) continue;
      const entry = byPath.get(path) ?? { pattern, methods: new Set<string>(), segments: segmentsOf(path), first: firstSegmentOf(path) };
      for (const [method, on] of Object.entries(layer.route?.methods ?? {})) {
        if (on && method !== '_all') entry.methods.add(method.toUpperCase());
      }
      byPath.set(path, entry);
    }
    const entries = [...byPath.values()];
    const firsts = new Set(entries.filter((entry) => !entry.first.startsWith(':')).map((entry) => entry.first));
    known = new Map();
    for (const entry of entries) {
      for (const first of entry.first.startsWith(':') ? [...firsts, ANY_FIRST] : [entry.first]) {
        const key = tableKey(entry.segments, first);
        known.set(key, [...(known.get(key) ?? []), entry]);
      }
    }
    return known;
  };
  return (req, res, next) => {
    const method = req.method.toUpperCase();
    if (method === 'OPTIONS') return next();
    const path = pathOf(req);
    const routes = table();
    const segments = segmentsOf(path);
    const candidates = routes.get(tableKey(segments, firstSegmentOf(path))) ?? routes.get(tableKey(segments, ANY_FIRST));
    if (candidates === undefined) return next();
    // The common case first, allocating nothing: a route of this path serves the method.
    let matched = false;
    for (const entry of candidates) {
      if (!entry.pattern.test(path)) continue;
      if (entry.methods.has(method) || (method === 'HEAD' && entry.methods.has('GET'))) return next();
      matched = true;
    }
    if (!matched) return next();
    const allowed = new Set<string>();
    for (const entry of candidates) if (entry.pattern.test(path)) for (const m of entry.methods) allowed.add(m);
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].sort().join(', ');
    res.setHeader('Allow', allow);
    next(
      new ProblemException(
        problem(405, 'method_not_allowed', `${method} is not served here; allowed: ${allow}`, { allowed: [...allowed].sort() }),
      ),
    );
  };
}

/** Under this first segment: the routes starting with a parameter, for a path whose first segment no route has. */
const ANY_FIRST = '/';

const tableKey = (segments: number, first: string): string => `${segments} ${first}`;

/** `/orders/x/notes` → `orders` (lower case: routes match in any case). */
function firstSegmentOf(path: string): string {
  const end = path.indexOf('/', 1);
  return (end === -1 ? path.slice(1) : path.slice(1, end)).toLowerCase();
}

/** The request's path without its query string. */
function pathOf(req: HttpRequestLike): string {
  const url = req.originalUrl ?? req.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Middlewares run one after the other as one Express layer (each layer costs Express a dispatch per request): the
 * first error ends the chain and goes to Express' error handling.
 */
export function inOrder(...steps: Middleware[]): Middleware {
  return (req, res, next) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined || index === steps.length) return error === undefined ? next() : next(error);
      steps[index++](req, res, step);
    };
    step();
  };
}

/** Slashes in a path, one trailing slash aside (patternOf accepts it): `/orders/:orderId` and `/orders/x/` both have 2. */
function segmentsOf(path: string): number {
  let count = 0;
  const end = path.length > 1 && path.endsWith('/') ? path.length - 1 : path.length;
  for (let i = 0; i < end; i++) if (path.charCodeAt(i) === 47) count++;
  return count;
}

const isEmptyBody = (body: unknown): boolean =>
  body === undefined || (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);

const BODY_PARAM_TYPE = '3'; // RouteParamtypes.BODY

/**
 * A route that reads no body (no @ValidBody, no @Body) refuses one: `{}` or nothing, else 400. Body-less commands
 * (dispatch, cancellations, approvals) then cannot be sent data they would silently drop.
 */
export class BodylessRouteGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<HttpRequestLike>();
    if (!BODY_METHODS.has(req.method.toUpperCase()) || isEmptyBody(req.body)) return true;
    if (takesBody(context)) return true;
    throw new ProblemException(
      problem(400, 'unexpected_body', 'This request takes no body: send none or {}', {
        errors: [{ field: '/', message: 'must be empty' }],
      }),
    );
  }
}

/** Per route handler: metadata does not change once the app runs. */
const bodyTakers = new WeakMap<object, boolean>();

function takesBody(context: ExecutionContext): boolean {
  const handler = context.getHandler();
  let takes = bodyTakers.get(handler);
  if (takes === undefined) {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
    takes =
      Reflect.getMetadata(BODY_DOCUMENTED, handler) === true || Object.keys(args).some((key) => key.split(':')[0] === BODY_PARAM_TYPE);
    bodyTakers.set(handler, takes);
  }
  return takes;
}

/** What Node answers itself when it cannot parse a request (a bad header byte, headers too large): a problem too. */
export function answerUnreadableRequests(server: Pick<Server, 'on'>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body: ProblemDetails = problem(
      status,
      'unreadable_request',
      `The request could not be read as HTTP (${error.code ?? 'parse error'})`,
    );
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
}
