import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the MongoDB integration tests find a server. */
export type TestMongoSource = { kind: 'env'; url: string } | { kind: 'testcontainers'; dockerHost: string } | { kind: 'none'; reason: string };

/**
 * AFTERSALES_MONGO_URL when set (CI starts FerretDB with infra/mongo/scripts/ferretdb.sh and sets it); else
 * testcontainers' MongoDB module when a Docker engine answers; else nothing, with the reason to print. Decided
 * synchronously: jest must know while collecting the tests whether to skip them.
 */
export function testMongoSource(env: NodeJS.ProcessEnv = process.env): TestMongoSource {
  const url = env.AFTERSALES_MONGO_URL?.trim();
  if (url) return { kind: 'env', url };
  const dockerHost = reachableDockerHost();
  if (dockerHost) return { kind: 'testcontainers', dockerHost };
  return {
    kind: 'none',
    reason:
      'AFTERSALES_MONGO_URL is not set and no Docker engine answered for testcontainers. Start FerretDB with ' +
      '`bash infra/mongo/scripts/ferretdb.sh start` and run with AFTERSALES_MONGO_URL=mongodb://127.0.0.1:27018/.',
  };
}

/** A one-line description of the server, for the suites to print which one they ran against. */
export const describeSource = (source: Exclude<TestMongoSource, { kind: 'none' }>): string =>
  source.kind === 'env' ? `the server at AFTERSALES_MONGO_URL (${source.url})` : `a MongoDB container (testcontainers, ${source.dockerHost})`;

function reachableDockerHost(): string | undefined {
  const candidates = process.env.DOCKER_HOST
    ? [process.env.DOCKER_HOST]
    : ['/var/run/docker.sock', join(homedir(), '.docker/run/docker.sock')].filter((path) => existsSync(path)).map((path) => `unix://${path}`);
  return candidates.find(answersPing);
}

function answersPing(dockerHost: string): boolean {
  const target = dockerHost.startsWith('unix://')
    ? { socketPath: dockerHost.slice('unix://'.length) }
    : (() => {
        const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
        return { host: url.hostname, port: Number(url.port || 2375) };
      })();
  const ping = `require('node:http').get({ ...${JSON.stringify(target)}, path: '/_ping', timeout: 2000 }, (res) => process.exit(res.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1)).on('timeout', () => process.exit(1));`;
  try {
    execFileSync(process.execPath, ['-e', ping], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** A server the tests can use for their whole file: started here when it comes from testcontainers. */
export interface RunningTestMongo {
  url: string;
  stop(): Promise<void>;
}

export async function startTestMongo(source: Exclude<TestMongoSource, { kind: 'none' }>): Promise<RunningTestMongo> {
  if (source.kind === 'env') return { url: source.url, stop: async () => undefined };
  // Loaded only here, so runs without Docker never touch the Docker client libraries.
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const container = await new MongoDBContainer('mongo:7.0').start();
  return { url: `${container.getConnectionString()}?directConnection=true`, stop: async () => void (await container.stop()) };
}
