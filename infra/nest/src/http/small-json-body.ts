import type { Readable } from 'node:stream';
import type { HttpRequestLike } from './http-types';
import type { Middleware } from './request-guards';

/** Bodies up to this size (by Content-Length) are read here; larger ones go to the JSON parser and its limit. */
export const SMALL_JSON_BODY_BYTES = 16 * 1024;

const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `2kb`, `1mb`, `512` (bytes) as the JSON parser reads its limit; undefined for anything else. */
export function bytesOf(limit: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  return match ? Math.floor(Number(match[1]) * UNIT_BYTES[(match[2] ?? 'b').toLowerCase()]) : undefined;
}

type BodyRequest = HttpRequestLike & Pick<Readable, 'on' | 'removeListener' | 'read' | 'readableLength' | 'readableFlowing'> & {
  /** Node's IncomingMessage: the whole message has been parsed (its body is buffered or already read). */
  complete?: boolean;
};

/** An http-errors style error as the JSON parser (body-parser) raises it for text that is not JSON. */
interface ParseFailure extends SyntaxError {
  status: number;
  statusCode: number;
  expose: boolean;
  type: string;
  body: string;
}

function parseFailure(error: unknown, text: string, message = (error as Error).message): ParseFailure {
  const failure = (error instanceof SyntaxError ? error : new SyntaxError(String(error))) as ParseFailure;
  failure.message = message;
  return Object.assign(failure, { status: 400, statusCode: 400, expose: true, type: 'entity.parse.failed', body: text });
}

/**
 * The JSON parser's strict mode: a body is an object or an array. Its error message is JSON.parse's own for the
 * text up to the first character and `#`s after it, with the text put back in their place (as body-parser words it).
 */
function strictViolation(text: string): ParseFailure | undefined {
  const first = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/.exec(text)?.[1] || undefined;
  if (first === '{' || first === '[') return undefined;
  const index = first === undefined ? -1 : text.indexOf(first);
  const partial = index === -1 ? '' : text.substring(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(partial);
    return parseFailure(new SyntaxError('strict violation'), text);
  } catch (error) {
    const message = (error as Error).message.replace(/#+/g, (placeholder) => text.substring(index, index + placeholder.length));
    return parseFailure(error, text, message);
  }
}

function parsed(text: string): { body: unknown } | { failure: ParseFailure } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM, as the parser's decoder drops it
  if (body.length === 0) return { body: {} };
  const violation = body[0] === '{' || body[0] === '[' ? undefined : strictViolation(body);
  if (violation) return { failure: violation };
  try {
    return { body: JSON.parse(body) as unknown };
  } catch (error) {
    return { failure: parseFailure(error, body) };
  }
}

/**
 * The common request, read without the JSON parser's machinery (media type parsing, a charset decoder, an async
 * resource, a dozen listeners): a small UTF-8 JSON body, `Content-Type: application/json` (`; charset=utf-8`), no
 * Content-Encoding, a Content-Length. Its body and errors are the parser's; anything else (other charsets,
 * compressed, chunked, larger than SMALL_JSON_BODY_BYTES or the parser's `limit`) goes on to `rest` (the JSON
 * parser, run by the caller's layer), or to the next layer when there is none (the parser skips a request read here).
 */
export function smallJsonBody(limit: string, rest?: Middleware): Middleware {
  const largest = Math.min(SMALL_JSON_BODY_BYTES, bytesOf(limit) ?? 0);
  return (req, res, next) => {
    const { headers } = req;
    const type = headers['content-type'];
    const length = headers['content-length'];
    if (
      (type !== 'application/json' && type !== 'application/json; charset=utf-8') ||
      typeof length !== 'string' ||
      headers['content-encoding'] !== undefined ||
      headers['transfer-encoding'] !== undefined
    ) {
      return rest ? rest(req, res, next) : next();
    }
    const expected = Number(length);
    if (!(expected > 0 && expected <= largest)) return rest ? rest(req, res, next) : next();
    readBody(req as BodyRequest, expected, next);
  };
}

function readBody(req: BodyRequest, expected: number, next: (error?: unknown) => void): void {
  // Usually the body came with the headers and Node has buffered all of it by the time authentication let the request
  // on: taken at once, with no listeners, no flowing mode and no tick to wait for its end.
  if (req.complete === true && req.readableFlowing === null && req.readableLength === expected) {
    const body = req.read() as Buffer | null;
    if (body !== null && body.length === expected) return bodyRead(req, body.toString('utf8'), next);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  const onData = (chunk: Buffer): void => {
    chunks.push(chunk);
    received += chunk.length;
  };
  const onEnd = (): void => {
    done();
    bodyRead(req, (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received)).toString('utf8'), next);
  };
  const onClose = (): void => {
    done();
    next(
      Object.assign(new Error('request aborted'), {
        status: 400,
        statusCode: 400,
        expose: true,
        type: 'request.aborted',
        expected,
        received,
      }),
    );
  };
  const onError = (error: unknown): void => {
    done();
    next(error);
  };
  const done = (): void => {
    req.removeListener('data', onData);
    req.removeListener('end', onEnd);
    req.removeListener('close', onClose);
    req.removeListener('error', onError);
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('close', onClose);
  req.on('error', onError);
}

function bodyRead(req: BodyRequest, text: string, next: (error?: unknown) => void): void {
  const outcome = parsed(text);
  if ('failure' in outcome) return next(outcome.failure);
  req.body = outcome.body;
  next();
}
