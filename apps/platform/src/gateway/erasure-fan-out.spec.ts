import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eraseOnEveryProcess } from './erasure-fan-out';
import type { ServiceProcess } from './process-client';

interface FakeProcess {
  process: ServiceProcess;
  seen: Array<{ path: string; headers: IncomingHttpHeaders; body: string }>;
  server: Server;
}

async function fakeProcess(name: string, status: number, answer: unknown): Promise<FakeProcess> {
  const seen: FakeProcess['seen'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(status, { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { process: { name, services: [name], url: `http://127.0.0.1:${port}` }, seen, server };
}

const path = '/admin/buyers/buyer-1/erasure';
const body = JSON.stringify({ reason: 'asked' });
const adminHeaders = { 'x-actor-id': 'admin-1', 'x-actor-role': 'admin', authorization: 'Bearer t', cookie: 'not-forwarded' };

describe('erasure through the gateway', () => {
  const running: FakeProcess[] = [];
  afterEach(async () => {
    for (const fake of running.splice(0)) await new Promise((resolve) => fake.server.close(resolve));
  });

  it('given two processes, when a buyer is erased, then each is asked with the caller, and the first answer comes back with every rebuilt read model', async () => {
    const order = await fakeProcess('order', 200, {
      buyerId: 'buyer-1',
      alreadyErased: false,
      keysShredded: 1,
      projectionsRebuilt: ['orders'],
    });
    const refund = await fakeProcess('refund', 200, {
      buyerId: 'buyer-1',
      alreadyErased: true,
      keysShredded: 0,
      projectionsRebuilt: ['refunds', 'ledger'],
    });
    running.push(order, refund);

    const answer = await eraseOnEveryProcess([order.process, refund.process], path, adminHeaders, body);

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      buyerId: 'buyer-1',
      alreadyErased: false,
      keysShredded: 1,
      projectionsRebuilt: ['orders', 'refunds', 'ledger'],
    });
    for (const fake of [order, refund]) {
      expect(fake.seen).toEqual([{ path, body, headers: expect.objectContaining({ 'x-actor-role': 'admin', authorization: 'Bearer t' }) }]);
      expect(fake.seen[0].headers.cookie).toBeUndefined();
    }
  });

  it('given the first process refuses the caller, then its problem is answered and no other process is asked', async () => {
    const order = await fakeProcess('order', 403, { status: 403, code: 'admin_only' });
    const refund = await fakeProcess('refund', 200, { projectionsRebuilt: [] });
    running.push(order, refund);

    const answer = await eraseOnEveryProcess([order.process, refund.process], path, { 'x-actor-id': 'b', 'x-actor-role': 'buyer' }, body);

    expect(answer).toMatchObject({ status: 403, contentType: 'application/problem+json' });
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'admin_only' });
    expect(refund.seen).toEqual([]);
  });
});
