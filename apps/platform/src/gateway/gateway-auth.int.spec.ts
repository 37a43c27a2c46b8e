import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createAuthenticator, mintToken, SERVICE_KEY_HEADER } from '@aftersales/nest';
import { Gateway } from './gateway-server';
import { RouteTable } from './routes';

const SECRET = 'the-gateway-test-secret-of-32-characters-or-more';

/** The gateway in front of one fake service process that records the headers it was sent. */
describe('the gateway verifies callers before anything goes to a service process', () => {
  let upstream: Server;
  let gateway: Gateway;
  let url: string;
  const received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      received.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ head: 0, lag: 0, projections: [] }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const processUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    gateway = new Gateway({
      routes: new RouteTable([{ name: 'order', resources: ['orders'], adminPaths: [] }]),
      authenticator: createAuthenticator({ mode: 'hs256', secret: SECRET }, { host: '127.0.0.1' }),
      processes: () => [{ name: 'order', services: ['order'], url: processUrl, serviceKey: 'the-service-key' }],
    });
    url = await gateway.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await gateway.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });
  beforeEach(() => (received.length = 0));

  const bearer = async (role: 'buyer' | 'admin') => ({ authorization: `Bearer ${await mintToken({ secret: SECRET, sub: `${role}-1`, role, ttl: '1h' })}` });

  it('given no token, when an order is read, then 401 problem with WWW-Authenticate and the process is not called', async () => {
    const answer = await fetch(`${url}/orders/ord_1`);

    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(received).toEqual([]);
  });

  it('given a valid token, when an order is read, then the request goes on with its Authorization header (the process verifies it again)', async () => {
    const headers = await bearer('buyer');
    const answer = await fetch(`${url}/orders/ord_1`, { headers });

    expect(answer.status).toBe(200);
    expect(received.map((sent) => sent.authorization)).toEqual([headers.authorization]);
  });

  it('given the service key sent from outside with a token, then it is dropped before the request goes on', async () => {
    await fetch(`${url}/orders/ord_1`, { headers: { ...(await bearer('buyer')), [SERVICE_KEY_HEADER]: 'the-service-key' } });

    expect(received.map((sent) => sent[SERVICE_KEY_HEADER])).toEqual([undefined]);
  });

  it('given the service key sent from outside without a token, then 401', async () => {
    expect((await fetch(`${url}/orders/ord_1`, { headers: { [SERVICE_KEY_HEADER]: 'the-service-key' } })).status).toBe(401);
  });

  it.each(['/internal/shipments/reissues', '/internal'])('given %s, even with a token and the service key, then 404: internal routes are not reachable through the gateway', async (path) => {
    const answer = await fetch(`${url}${path}`, { method: 'POST', headers: { ...(await bearer('admin')), [SERVICE_KEY_HEADER]: 'the-service-key' } });

    expect(answer.status).toBe(404);
    expect(received).toEqual([]);
  });

  it('given a buyer, when settling through the gateway, then 403 naming admin; given an admin, then the processes are called with the service key', async () => {
    const refused = await fetch(`${url}/admin/settle`, { method: 'POST', headers: await bearer('buyer') });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ requiredRoles: ['admin'] });
    expect(received).toEqual([]);

    const settled = await fetch(`${url}/admin/settle`, { method: 'POST', headers: await bearer('admin') });
    expect(settled.status).toBe(200);
    expect(received.map((sent) => sent[SERVICE_KEY_HEADER])).toContain('the-service-key');
    expect(received.map((sent) => sent['x-actor-role'])).not.toContain('system');
  });

  it('given no token, then /health answers', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});
