import { rmSync } from 'node:fs';
import { accessControlledControllers, operationAccessOf, PUBLIC } from '@aftersales/nest';
import { consoleFixture } from '../../../apps/platform/src/console/console-fixture';
import { useTestSystem } from '../../support/embedded-system';

type OpenApi = { paths: Record<string, Record<string, { operationId?: string; 'x-access'?: unknown }>> };
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

// A stand-in for apps/console/dist, so the suite does not depend on whether the console was built (CI builds it).
const fixture = consoleFixture();
const previousDirectory = process.env.AFTERSALES_CONSOLE_DIR;
process.env.AFTERSALES_CONSOLE_DIR = fixture.directory;
afterAll(() => {
  if (previousDirectory === undefined) delete process.env.AFTERSALES_CONSOLE_DIR;
  else process.env.AFTERSALES_CONSOLE_DIR = previousDirectory;
  rmSync(fixture.directory, { recursive: true, force: true });
});

describe('the platform serves the console at /console', () => {
  const t = useTestSystem('all');

  it.each(['/console', '/console/orders/x'])('given no caller, when %s is opened, then the page answers (the console router takes the path)', async (path) => {
    const answer = await fetch(`${t.api.baseUrl}${path}`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await answer.text()).toBe(fixture.page);
  });

  it('given a hashed asset the page names, when fetched, then it answers with a year-long immutable cache header', async () => {
    const answer = await fetch(`${t.api.baseUrl}${fixture.asset}`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('given the API next to it, when an API route is called without a caller, then it still answers 401 (the console changes nothing there)', async () => {
    expect((await fetch(`${t.api.baseUrl}/orders/ord_1`)).status).toBe(401);
  });

  it('given /openapi.json, then every operation carries x-access equal to its access table, and /console is no operation', async () => {
    const document = (await t.api.get('/openapi.json')).body as OpenApi;
    const controllers = new Map(accessControlledControllers().map((controller) => [controller.name, controller]));
    const mismatches: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!METHODS.has(method)) continue;
        const [controllerName, handler] = (operation.operationId ?? '').split('_');
        const access = operationAccessOf(controllers.get(controllerName)!, handler);
        const expected = access && access.allow !== PUBLIC ? { rule: access.rule, allow: access.allow } : undefined;
        checked += 1;
        if (JSON.stringify(operation['x-access']) !== JSON.stringify(expected)) mismatches.push(`${method.toUpperCase()} ${path}`);
      }
    }

    expect(checked).toBeGreaterThan(30);
    expect(mismatches).toEqual([]);
    expect(document.paths['/work-queue']?.get?.['x-access']).toMatchObject({ rule: expect.any(String), allow: expect.objectContaining({ agent: expect.any(String) }) });
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/console'))).toEqual([]);
  });
});
