import { ManualClock } from '@aftersales/kernel';
import { sampleEvents } from '@aftersales/kernel/testing';
import { KurrentEventStore } from '@aftersales/kurrent';
import { startKurrentTestServer, type KurrentTestServer } from '@aftersales/kurrent/testing';
import { runVerifyLogCli } from './verify-log';

describe('pnpm audit:log on KurrentDB', () => {
  let server: KurrentTestServer;

  beforeAll(async () => {
    server = await startKurrentTestServer();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('given two process logs on the server, when the CLI verifies both namespaces, then it reports each chain and exits 0', async () => {
    const namespace = `audit-${Date.now().toString(36)}`;
    for (const [process, events] of [
      ['order', 3],
      ['refund', 2],
    ] as const) {
      const store = new KurrentEventStore({
        connection: server.connectionString,
        clock: new ManualClock(new Date('2026-11-02T08:00:00Z')),
        namespace: `${namespace}-${process}`,
      });
      await store.append('order-1', sampleEvents(events), 'no_stream');
      await store.close();
    }
    const env = { AFTERSALES_STORE: 'esdb', AFTERSALES_ESDB_URL: server.connectionString };

    const outcome = await runVerifyLogCli(['--namespace', `${namespace}-order,${namespace}-refund`], env);

    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.output)).toEqual({
      checked: 5,
      logs: [
        { log: `esdb:${namespace}-order`, checked: 3 },
        { log: `esdb:${namespace}-refund`, checked: 2 },
      ],
    });
  });
});
