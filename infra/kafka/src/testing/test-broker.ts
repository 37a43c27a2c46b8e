import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { brokersFromEnv } from '../kafka-message-bus';

/** Where the Kafka integration tests find a broker. */
export type TestBrokerSource =
  { kind: 'env'; brokers: string[] } | { kind: 'testcontainers'; dockerHost: string } | { kind: 'none'; reason: string };

/**
 * KAFKA_BROKERS when set (CI starts infra/kafka/scripts/kafka-broker.sh and sets it); else testcontainers' Kafka
 * module when a Docker engine answers; else nothing, with the reason to print. Decided synchronously, because jest
 * must know while collecting the tests whether to skip them.
 */
export function testBrokerSource(): TestBrokerSource {
  const brokers = brokersFromEnv();
  if (brokers.length > 0) return { kind: 'env', brokers };
  const dockerHost = reachableDockerHost();
  if (dockerHost) return { kind: 'testcontainers', dockerHost };
  return {
    kind: 'none',
    reason:
      'KAFKA_BROKERS is not set and no Docker engine answered for testcontainers. Start a local broker with ' +
      '`pnpm kafka:start` and run with KAFKA_BROKERS=127.0.0.1:9092.',
  };
}

/** The Docker endpoint testcontainers would use, if an engine answers its ping there. */
function reachableDockerHost(): string | undefined {
  const candidates = process.env.DOCKER_HOST
    ? [process.env.DOCKER_HOST]
    : ['/var/run/docker.sock', join(homedir(), '.docker/run/docker.sock')]
        .filter((path) => existsSync(path))
        .map((path) => `unix://${path}`);
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

/** A broker the tests can use for their whole file: started here when it comes from testcontainers. */
export interface RunningTestBroker {
  brokers: string[];
  stop(): Promise<void>;
}

export async function startTestBroker(source: Exclude<TestBrokerSource, { kind: 'none' }>): Promise<RunningTestBroker> {
  if (source.kind === 'env') return { brokers: source.brokers, stop: async () => undefined };
  // Loaded only here, so runs without Docker never touch the Docker client libraries.
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
  return {
    brokers: [`${container.getHost()}:${container.getMappedPort(9093)}`],
    stop: async () => void (await container.stop()),
  };
}
