import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { startTelemetry } from '@aftersales/telemetry';
import { announceHeadersMode, createAuthenticator, type AuthSettings } from '@aftersales/nest';
import { resolveAuth } from './auth/data-dir-secret';
import { configFromEnv } from './config';
import { Gateway } from './gateway/gateway-server';
import { RouteTable } from './gateway/routes';
import { Supervisor, type ProcessSpec } from './gateway/supervisor';
import { exitOnShutdownSignals, runMain } from './process-lifecycle';
import { SERVICE_CATALOG } from './service-catalog';

/** Which services run together in one process: each service alone, the timeline read model beside the order service. */
export const PROCESS_LAYOUT: ReadonlyArray<{ name: string; services: string[] }> = [
  { name: 'order', services: ['order', 'timeline'] },
  { name: 'logistics', services: ['logistics'] },
  { name: 'refund', services: ['refund'] },
  { name: 'dispute', services: ['dispute'] },
  { name: 'review', services: ['review'] },
];

/**
 * `pnpm start:kafka`: every service as its own process against Kafka, each with its own data directory
 * (<AFTERSALES_DATA_DIR>/<process>) and port, behind a gateway on PORT. Environment as for main.js, plus
 * KAFKA_BROKERS (required). The gateway and every process verify callers with the same settings (a secret generated into
 * <AFTERSALES_DATA_DIR>/auth-secret is handed to the processes); the platform's own calls between them carry a service
 * key made at each start (AFTERSALES_SERVICE_KEY), which the gateway never takes from outside.
 */
async function main(): Promise<void> {
  const config = configFromEnv({ ...process.env, AFTERSALES_BUS: 'kafka' });
  const serviceNamePrefix = process.env.OTEL_SERVICE_NAME ?? 'aftersales';
  const tracing = await startTelemetry(`${serviceNamePrefix}-gateway`, { ...process.env, OTEL_SERVICE_NAME: `${serviceNamePrefix}-gateway` });
  const known = new Set(SERVICE_CATALOG.map((definition) => definition.name));
  const layout = PROCESS_LAYOUT.map((entry) => ({ ...entry, services: entry.services.filter((service) => known.has(service)) })).filter(
    (entry) => entry.services.length > 0,
  );
  const chosen = await freePorts(config.host, layout.length, config.port);
  const ports = new Map(layout.map(({ name }, index) => [name, chosen[index]]));
  const peers = layout.map(({ name }) => `${name}=http://${config.host}:${ports.get(name)}`).join(',');
  const auth = resolveAuth(config.auth, config.dataDir);
  const authenticator = createAuthenticator(auth.settings, { host: config.host });
  if (auth.settings.mode === 'headers') announceHeadersMode();
  const serviceKey = randomBytes(32).toString('base64url');
  const specs: ProcessSpec[] = layout.map(({ name, services }) => ({
    name,
    services,
    port: ports.get(name)!,
    env: {
      AFTERSALES_BUS: 'kafka',
      AFTERSALES_DATA_DIR: join(config.dataDir, name),
      // on KurrentDB each process writes its own namespace, as it writes its own data directory
      ...(config.eventStore?.kind === 'esdb' ? { AFTERSALES_ESDB_NAMESPACE: `${config.eventStore.namespace}-${name}` } : {}),
      AFTERSALES_KEYS_PATH: config.keysPath ?? join(config.dataDir, 'keys.db'),
      AFTERSALES_PEERS: peers,
      AFTERSALES_SERVICE_KEY: serviceKey,
      // a named MongoDB read-model database is one per process (unnamed, each is named after its data directory)
      ...(process.env.AFTERSALES_MONGO_DB ? { AFTERSALES_MONGO_DB: `${process.env.AFTERSALES_MONGO_DB.trim()}-${name}` } : {}),
      // Each process is its own service in a trace (used only when OTEL_* variables turn tracing on).
      OTEL_SERVICE_NAME: `${serviceNamePrefix}-${name}`,
      ...authEnvOf(auth.settings),
    },
  }));

  const supervisor = new Supervisor(specs, config.host);
  supervisor.start();
  const gateway = new Gateway({
    routes: new RouteTable(SERVICE_CATALOG),
    authenticator,
    processes: () => supervisor.processes(),
    describeProcesses: () => supervisor.describe(),
    consistentReads: (process.env.AFTERSALES_GATEWAY_CONSISTENT_READS ?? (config.clock === 'manual' ? '1' : '0')) === '1',
    log: (line) => console.warn(line),
  });
  const url = await gateway.listen(config.port, config.host);
  console.log(
    `after-sales gateway listening on ${url}; processes: ${specs.map((s) => `${s.name} (${s.services.join('+')}) :${s.port}`).join(', ')}; ` +
      `Kafka ${config.kafka!.brokers.join(',')}${config.kafka!.topicPrefix ? `, topic prefix ${config.kafka!.topicPrefix}` : ''}; data ${config.dataDir}; ` +
      `auth ${auth.settings.mode}${auth.secretFile ? ` (secret in ${auth.secretFile}: TOKEN=$(AFTERSALES_DATA_DIR=${config.dataDir} pnpm -s token --role buyer --sub buyer-1))` : ''}`,
  );

  exitOnShutdownSignals('shutting down the gateway and every service process', () => Promise.all([gateway.close(), supervisor.stop()]).finally(() => tracing.shutdown()), {
    ignoreRepeatedSignals: true,
  });
}

/** What every service process needs to verify callers as the gateway does (JWKS settings they inherit as they are). */
function authEnvOf(settings: AuthSettings): Record<string, string> {
  if (settings.mode === 'headers') return { AFTERSALES_AUTH: 'headers' };
  if (settings.mode === 'hs256') return { AFTERSALES_AUTH_SECRET: settings.secret };
  return {};
}

/**
 * `count` different free ports, none of them `besides` (the gateway's own): every port stays bound until all are
 * chosen, because the system hands a closed port out again, and two processes on one port would answer for each other.
 */
async function freePorts(host: string, count: number, besides: number): Promise<number[]> {
  const held: Server[] = [];
  try {
    while (held.length < count) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, host, () => resolve());
      });
      if ((server.address() as AddressInfo).port === besides) await closed(server);
      else held.push(server);
    }
    return held.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(held.map(closed));
  }
}

function closed(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

runMain(main);
