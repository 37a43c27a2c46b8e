import { createServer, type IncomingMessage, type Server } from 'node:http';
import { inSpan } from '@aftersales/kernel';
import { httpServerSpans, type HttpRequestLike } from '@aftersales/nest';
import { startInMemoryTracing, type InMemoryTracing } from '@aftersales/telemetry';

/** The server span of a request is the parent of the work done once its body has arrived (after the middleware returned). */
let tracing: InMemoryTracing;
let server: Server;
let url: string;

beforeAll(async () => {
  tracing = await startInMemoryTracing();
  const spans = httpServerSpans();
  server = createServer((req, res) =>
    spans(req as IncomingMessage & HttpRequestLike, res, () => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => void inSpan('command PlaceOrder', {}, async () => res.writeHead(201).end(body)));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await tracing.stop();
});

describe('HTTP server spans', () => {
  it('given a caller trace, when a request with a body is handled, then its span continues that trace and the command span nests under it', async () => {
    const answer = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'content-type': 'application/json' },
      body: JSON.stringify({ buyerId: 'buyer-1' }),
    });
    expect(answer.status).toBe(201);
    await answer.text();
    await new Promise((resolve) => setImmediate(resolve));

    const request = tracing.span('POST');
    const command = tracing.span('command PlaceOrder');
    expect(request.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(request.parentSpanId).toBe('00f067aa0ba902b7');
    expect(request.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.path': '/orders', 'http.response.status_code': 201 });
    expect(command.parentSpanId).toBe(request.spanId);
  });
});
