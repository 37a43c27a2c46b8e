import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { createAuthenticator } from '@aftersales/nest';
import { consoleFixture } from '../console/console-fixture';
import { Gateway } from './gateway-server';
import { RouteTable } from './routes';

/** Two fake service processes, each documenting one operation with its x-access. */
const documentOf = (path: string, rule: string) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { [path]: { post: { operationId: `${rule}_op`, 'x-access': { rule, allow: { agent: 'shop', platform: 'any' } }, responses: {} } } },
  components: { schemas: {} },
});

describe('the gateway serves the console and keeps x-access in the merged document', () => {
  const fixture = consoleFixture();
  const upstreams: Server[] = [];
  let gateway: Gateway;
  let url: string;

  const listen = async (document: unknown): Promise<string> => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document));
    });
    upstreams.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  };

  beforeAll(async () => {
    const refunds = await listen(documentOf('/refunds/{refundId}/approval', 'refund.approve_by_shop_staff'));
    const disputes = await listen(documentOf('/disputes/{disputeId}/ruling', 'dispute.rule_by_platform'));
    gateway = new Gateway({
      routes: new RouteTable([
        { name: 'refund', resources: ['refunds'], adminPaths: [] },
        { name: 'dispute', resources: ['disputes'], adminPaths: [] },
      ]),
      authenticator: createAuthenticator({ mode: 'hs256', secret: 'the-gateway-test-secret-of-32-characters-or-more' }, { host: '127.0.0.1' }),
      processes: () => [
        { name: 'refund', services: ['refund'], url: refunds },
        { name: 'dispute', services: ['dispute'], url: disputes },
      ],
      consoleDirectory: fixture.directory,
    });
    url = await gateway.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await gateway.close();
    await Promise.all(upstreams.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    rmSync(fixture.directory, { recursive: true, force: true });
  });

  it.each(['/console', '/console/orders/ord_1'])('given no token, when %s is opened through the gateway, then the page answers', async (path) => {
    const answer = await fetch(`${url}${path}`);

    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(fixture.page);
  });

  it('given a hashed asset, when fetched through the gateway, then it is cacheable for a year', async () => {
    const answer = await fetch(`${url}${fixture.asset}`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("given the processes' documents, when the gateway merges them, then every operation keeps its x-access", async () => {
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, { post: { 'x-access': unknown } }> };

    expect(document.paths['/refunds/{refundId}/approval'].post['x-access']).toEqual({ rule: 'refund.approve_by_shop_staff', allow: { agent: 'shop', platform: 'any' } });
    expect(document.paths['/disputes/{disputeId}/ruling'].post['x-access']).toEqual({ rule: 'dispute.rule_by_platform', allow: { agent: 'shop', platform: 'any' } });
  });
});
