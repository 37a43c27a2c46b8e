import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KurrentWireDouble } from './kurrent-wire-double';

/** The KurrentDB image testcontainers starts where Docker answers (the LTS line the client is tested against). */
export const KURRENTDB_IMAGE = 'kurrentplatform/kurrentdb:25.0';

/** A server the tests talk to for a whole file, and what it is (printed, so a run never passes on the double unnoticed). */
export interface KurrentTestServer {
  kind: 'env' | 'testcontainers' | 'wire-double';
  connectionString: string;
  description: string;
  stop(): Promise<void>;
}

/**
 * AFTERSALES_ESDB_URL when set (any KurrentDB/EventStoreDB 20+); else a KurrentDB container when a Docker engine
 * answers; else the wire-level test double on an ephemeral port. Writes which one to stderr.
 */
export async function startKurrentTestServer(env: NodeJS.ProcessEnv = process.env): Promise<KurrentTestServer> {
  const server = await pickServer(env);
  process.stderr.write(`KurrentDB event store tests run against ${server.description}\n`);
  return server;
}

async function pickServer(env: NodeJS.ProcessEnv): Promise<KurrentTestServer> {
  const url = env.AFTERSALES_ESDB_URL?.trim();
  if (url)
    return { kind: 'env', connectionString: url, description: `the server at AFTERSALES_ESDB_URL (${url})`, stop: async () => undefined };
  if (dockerAnswers()) {
    // loaded only here, so runs without Docker never load the Docker client libraries
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer(KURRENTDB_IMAGE)
      .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_RUN_PROJECTIONS: 'None', KURRENTDB_MEM_DB: 'true' })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((code) => code >= 200 && code < 300))
      .start();
    const connectionString = `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    return {
      kind: 'testcontainers',
      connectionString,
      description: `a ${KURRENTDB_IMAGE} container (testcontainers)`,
      stop: async () => void (await container.stop()),
    };
  }
  const double = await new KurrentWireDouble().start();
  return {
    kind: 'wire-double',
    connectionString: double.connectionString,
    description:
      `the wire-level TEST DOUBLE at ${double.connectionString} (in memory, real gRPC, not a KurrentDB server): ` +
      'no AFTERSALES_ESDB_URL and no Docker engine',
    stop: () => double.stop(),
  };
}

function dockerAnswers(): boolean {
  const candidates = process.env.DOCKER_HOST
    ? [process.env.DOCKER_HOST]
    : ['/var/run/docker.sock', join(homedir(), '.docker/run/docker.sock')]
        .filter((path) => existsSync(path))
        .map((path) => `unix://${path}`);
  return candidates.some((host) => {
    const target = host.startsWith('unix://')
      ? { socketPath: host.slice('unix://'.length) }
      : { host: new URL(host.replace(/^tcp:/, 'http:')).hostname, port: Number(new URL(host.replace(/^tcp:/, 'http:')).port || 2375) };
    const ping = `require('node:http').get({ ...${JSON.stringify(target)}, path: '/_ping', timeout: 2000 }, (res) => process.exit(res.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1)).on('timeout', () => process.exit(1));`;
    try {
      execFileSync(process.execPath, ['-e', ping], { stdio: 'ignore', timeout: 5000 });
      return true;
    } catch {
      return false;
    }
  });
}
