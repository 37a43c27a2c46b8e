import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '@aftersales/nest';
import { startEmbedded, type RunningSystem } from '@aftersales/platform';
import { placeOrderBody } from '../support/orders';

const SECRET = 'an-e2e-secret-of-at-least-thirty-two-characters';

/** The platform in token mode (HS256), through HTTP: who calls is what a verified token says, nothing else. */
describe('authentication with bearer tokens (HS256)', () => {
  let system: RunningSystem;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aftersales-auth-e2e-'));
    system = await startEmbedded({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      clock: 'manual',
      manualClockStart: '2026-11-02T08:00:00.000Z',
      timerPollMs: 1000,
      auth: { mode: 'hs256', secret: SECRET },
    });
  });
  afterAll(async () => {
    await system.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const response = await fetch(system.url + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const bearer = async (sub: string, role: 'buyer' | 'agent' | 'admin', ttl: number | string = '1h') => ({
    authorization: `Bearer ${await mintToken({ secret: SECRET, sub, role, ttl })}`,
  });
  const ordersOfBuyer = async () => {
    await call('POST', '/admin/settle', await bearer('ops', 'admin'), {});
    return (await call('GET', '/orders?buyerId=buyer-1', await bearer('buyer-1', 'buyer'))).body.items.length as number;
  };

  it('given no token, when placing an order or reading one, then 401 problem+json with WWW-Authenticate: Bearer, and nothing appended', async () => {
    const before = await ordersOfBuyer();

    const place = await call('POST', '/orders', {}, placeOrderBody());
    const read = await call('GET', '/orders?buyerId=buyer-1');

    for (const answer of [place, read]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(answer.body).toMatchObject({ status: 401, title: 'Unauthorized', code: 'missing_credentials', detail: expect.stringContaining('Authorization') });
    }
    expect(await ordersOfBuyer()).toBe(before);
  });

  it('given X-Actor headers without a token, then they are not believed: 401', async () => {
    const answer = await call('POST', '/orders', { 'x-actor-id': 'buyer-1', 'x-actor-role': 'buyer' }, placeOrderBody());

    expect(answer.status).toBe(401);
  });

  it.each([
    ['an expired token', async () => ({ authorization: `Bearer ${await mintToken({ secret: SECRET, sub: 'buyer-1', role: 'buyer', ttl: -3600 })}` }), 'token_expired'],
    ['a token signed with another secret', async () => ({ authorization: `Bearer ${await mintToken({ secret: 'z'.repeat(40), sub: 'buyer-1', role: 'buyer', ttl: '1h' })}` }), 'invalid_token'],
    ['a malformed Authorization header', async () => ({ authorization: 'Token abc' }), 'malformed_credentials'],
  ])('given %s, when placing an order, then 401 naming what was wrong', async (_what, headers, code) => {
    const answer = await call('POST', '/orders', await headers(), placeOrderBody());

    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe(code);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_(token|request)"/);
  });

  it('given a minted buyer token and X-Actor headers claiming a supervisor, when placing an order, then 201 and the event records the token\'s sub and role', async () => {
    const placed = await call('POST', '/orders', { ...(await bearer('buyer-1', 'buyer')), 'x-actor-id': 'sup-1', 'x-actor-role': 'supervisor' }, placeOrderBody());
    expect(placed.status).toBe(201);

    const events = await call('GET', `/orders/${placed.body.id}/events`, await bearer('buyer-1', 'buyer'));

    expect(events.status).toBe(200);
    expect(events.body.events.map((event: { actor: unknown }) => event.actor)).toEqual([{ id: 'buyer-1', role: 'buyer' }]);
  });

  it('given an admin token, when settling through /admin, then 200', async () => {
    expect((await call('POST', '/admin/settle', await bearer('ops', 'admin'), {})).status).toBe(200);
  });

  it('given no token, then /health and /openapi.json answer, and the document declares the bearer scheme with 401 on every other operation', async () => {
    expect((await call('GET', '/health')).status).toBe(200);
    const document = await call('GET', '/openapi.json');

    expect(document.status).toBe(200);
    expect(document.body.security).toEqual([{ bearer: [] }]);
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operations = Object.entries(document.body.paths as Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );
    const withoutCaller = operations.filter(({ operation }) => operation.security?.length === 0).map(({ path }) => path);
    expect(withoutCaller).toEqual(['/health']);
    expect(operations.filter(({ path, operation }) => path !== '/health' && !operation.responses['401']).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('given no token, when an /internal route is called, then 401: only the platform\'s own processes may', async () => {
    expect((await call('POST', '/internal/shipments/reissues', await bearer('ops', 'admin'), {})).status).toBe(401);
  });
});
