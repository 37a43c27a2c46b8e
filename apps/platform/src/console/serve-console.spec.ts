import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { consoleFixture } from './console-fixture';
import { consoleDirectory, isConsolePath, serveConsole } from './serve-console';

describe('serving the console', () => {
  const fixture = consoleFixture();
  const missing = `${fixture.directory}-never-built`;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const built = serveConsole(fixture.directory);
    const notBuilt = serveConsole(missing);
    server = createServer((req, res) => {
      const handler = req.headers['x-not-built'] ? notBuilt : built;
      handler(req, res, () => {
        res.writeHead(418);
        res.end('next');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(fixture.directory, { recursive: true, force: true });
  });

  it.each(['/console', '/console/', '/console/orders/ord_1', '/console/sign-in?from=x'])('given the console is built, when %s is opened, then the page answers, asked for again each time', async (path) => {
    const answer = await fetch(`${base}${path}`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(await answer.text()).toBe(fixture.page);
  });

  it('given a hashed asset, when fetched, then it answers with a year-long immutable cache', async () => {
    const answer = await fetch(`${base}${fixture.asset}`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/javascript/);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('given an asset that does not exist, when fetched, then 404 problem, not the page', async () => {
    const answer = await fetch(`${base}/console/assets/index-gone.js`);

    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('given the console is not built, when opened, then 503 problem+json saying to run pnpm build', async () => {
    const answer = await fetch(`${base}/console/orders/ord_1`, { headers: { 'x-not-built': '1' } });

    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await answer.json()).toMatchObject({ status: 503, code: 'console_not_built', detail: expect.stringContaining('pnpm build') });
  });

  it('given a POST to the console, then 405 with Allow', async () => {
    const answer = await fetch(`${base}/console`, { method: 'POST' });

    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });

  it('given a path outside /console, then the handler passes it on', async () => {
    expect((await fetch(`${base}/consoles`)).status).toBe(418);
    expect((await fetch(`${base}/orders/ord_1`)).status).toBe(418);
  });

  it('given paths, then only /console and below are the console; the default directory is apps/console/dist', () => {
    expect([isConsolePath('/console'), isConsolePath('/console/x'), isConsolePath('/consoles'), isConsolePath('/')]).toEqual([true, true, false, false]);
    expect(consoleDirectory({})).toMatch(/apps\/console\/dist$/);
    expect(consoleDirectory({ AFTERSALES_CONSOLE_DIR: '/srv/console' })).toBe('/srv/console');
  });
});
