import { createServer, type Server } from 'node:http';
import { createAuthenticator } from '@aftersales/nest';
import { Gateway } from './gateway-server';
import { RouteTable } from './routes';

/** A fake service process whose /health says it is the `instance` start of a process running `services`. */
async function fakeProcess(instance: string, services: string[]): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', checks: { process: { status: 'ok', ms: 0, details: { instance, services } } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe('the gateway’s health counts only the processes its supervisor started', () => {
  const servers: Server[] = [];
  let gateway: Gateway | undefined;

  afterEach(async () => {
    await gateway?.close();
    await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  });

  async function healthWith(expectedInstance: string, answering: { instance: string; services: string[] }) {
    const upstream = await fakeProcess(answering.instance, answering.services);
    servers.push(upstream.server);
    gateway = new Gateway({
      routes: new RouteTable([{ name: 'order', resources: ['orders'], adminPaths: [] }]),
      authenticator: createAuthenticator({ mode: 'headers' }, { host: '127.0.0.1' }),
      processes: () => [{ name: 'order', services: ['order'], url: upstream.url, instance: expectedInstance }],
    });
    const url = await gateway.listen(0, '127.0.0.1');
    const answer = await fetch(`${url}/health`);
    return { status: answer.status, body: (await answer.json()) as { status: string; checks: Record<string, { status: string; error?: string }> } };
  }

  it('given the order process answers as the start its supervisor made, when health is asked, then 200', async () => {
    const { status, body } = await healthWith('start-1', { instance: 'start-1', services: ['order'] });

    expect(status).toBe(200);
    expect(body.checks['order.identity']).toBeUndefined();
  });

  it('given another process holds the order process’s port, when health is asked, then 503 naming it (nothing is routed to it as healthy)', async () => {
    const { status, body } = await healthWith('start-1', { instance: 'left-over', services: ['logistics'] });

    expect(status).toBe(503);
    expect(body.checks['order.identity']).toMatchObject({ status: 'down' });
    expect(body.checks['order.identity'].error).toContain('another process (logistics)');
  });
});
