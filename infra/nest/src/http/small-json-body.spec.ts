import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import { bytesOf, smallJsonBody, SMALL_JSON_BODY_BYTES } from './small-json-body';

type Next = (error?: unknown) => void;
type Parser = (req: unknown, res: unknown, next: Next) => void;
// The JSON parser the platform registers behind smallJsonBody (Nest's Express adapter's body-parser).
const bodyParser = createRequire(require.resolve('@nestjs/platform-express'))('body-parser') as { json(options: object): Parser };

interface Outcome {
  body?: unknown;
  error?: { status: unknown; type: unknown; message: unknown; expose: unknown };
  handled: boolean;
}

/** A request with `text` as its body, read by `middleware`; handled: the body was read (no longer readable). */
function run(middleware: Parser, text: string | Buffer, headers: Record<string, string> = {}): Promise<Outcome> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const req = Object.assign(new PassThrough(), {
    method: 'POST',
    url: '/x',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), ...headers },
    body: undefined as unknown,
  });
  return new Promise((resolve) => {
    middleware(req, {}, (error?: unknown) => {
      const failure = error as { status: unknown; type: unknown; message: unknown; expose: unknown } | undefined;
      resolve({
        body: req.body,
        handled: req.readableEnded,
        ...(failure ? { error: { status: failure.status, type: failure.type, message: failure.message, expose: failure.expose } } : {}),
      });
    });
    req.end(bytes);
  });
}

/** A request whose whole message Node has parsed before the middleware runs: its body waits in the stream's buffer. */
function runBuffered(middleware: Parser, text: string | Buffer): Promise<Outcome & { leftInBuffer: number }> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const req = Object.assign(new Readable({ read: () => undefined }), {
    method: 'POST',
    url: '/x',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
    body: undefined as unknown,
    complete: true,
  });
  req.push(bytes);
  req.push(null);
  return new Promise((resolve) => {
    middleware(req, {}, (error?: unknown) => {
      const failure = error as { status: unknown; type: unknown; message: unknown; expose: unknown } | undefined;
      resolve({
        body: req.body,
        handled: req.readableLength === 0,
        leftInBuffer: req.readableLength,
        ...(failure ? { error: { status: failure.status, type: failure.type, message: failure.message, expose: failure.expose } } : {}),
      });
    });
  });
}

const fast = smallJsonBody('1mb') as Parser;
const parser = bodyParser.json({ limit: '1mb' });

describe('smallJsonBody', () => {
  const texts: Array<[string, string | Buffer]> = [
    ['an object', '{"text":"called the buyer","flag":"yellow","n":[1,2,{"x":null}]}'],
    ['an array', '[1,"two",{"three":3}]'],
    ['whitespace before the object', ' \n\t {"a":1}'],
    ['a byte-order mark', '\ufeff{"a":1}'],
    ['non-ASCII text', '{"name":"李雷 😀","street":"文三路"}'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['malformed JSON', '{"a":1,}'],
    ['a truncated object', '{"a":'],
    ['a string, not an object (strict)', '"text"'],
    ['a number after whitespace (strict)', '  42'],
    ['only whitespace', '   '],
    ['a literal (strict)', 'true'],
  ];

  it.each(texts)('given a body with %s, when read, then the body or error the JSON parser gives', async (_, text) => {
    const ours = await run(fast, text);
    const theirs = await run(parser, text);

    expect(ours.handled).toBe(true);
    expect({ body: ours.body, error: ours.error }).toEqual({ body: theirs.body, error: theirs.error });
  });

  it.each(texts)('given a body with %s that arrived with the headers, when read, then the body or error the JSON parser gives', async (_, text) => {
    const ours = await runBuffered(fast, text);
    const theirs = await run(parser, text);

    expect(ours.leftInBuffer).toBe(0);
    expect({ body: ours.body, error: ours.error }).toEqual({ body: theirs.body, error: theirs.error });
  });

  it('given the JSON parser as the rest, when a body larger than the small size arrives, then the parser reads it', async () => {
    const text = JSON.stringify({ text: 'x'.repeat(SMALL_JSON_BODY_BYTES) });

    const outcome = await run(smallJsonBody('1mb', parser) as Parser, text);

    expect(outcome).toEqual({ body: JSON.parse(text), handled: true });
  });

  it.each([
    ['another charset', { 'content-type': 'application/json; charset=latin1' }],
    ['another media type spelling', { 'content-type': 'Application/JSON' }],
    ['a compressed body', { 'content-encoding': 'gzip' }],
  ])('given a request with %s, when it arrives, then the JSON parser reads it', async (_, headers) => {
    const outcome = await run(fast, '{"a":1}', headers);

    expect(outcome).toEqual({ body: undefined, handled: false });
  });

  it('given a body larger than the small size, when it arrives, then the JSON parser reads it (and its limit)', async () => {
    const outcome = await run(fast, JSON.stringify({ text: 'x'.repeat(SMALL_JSON_BODY_BYTES) }));

    expect(outcome.handled).toBe(false);
  });

  it('given a limit below the small size, when a body above it arrives, then the JSON parser answers it (413)', async () => {
    const text = JSON.stringify({ text: 'x'.repeat(3000) });

    const outcome = await run(smallJsonBody('2kb') as Parser, text);

    expect(outcome.handled).toBe(false);
  });

  it('given limits as the JSON parser writes them, when read, then their bytes', () => {
    expect([bytesOf('2kb'), bytesOf('1mb'), bytesOf('512'), bytesOf('1.5KB'), bytesOf('lots')]).toEqual([
      2048,
      1024 ** 2,
      512,
      1536,
      undefined,
    ]);
  });
});
