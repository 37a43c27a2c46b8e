import type { BusLogger, BusMessage } from '@aftersales/kernel';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { KafkaConsumer, type KafkaConsumerDeps } from './kafka-consumer';

const CRASH = 'consumer.crash';

/** Stands in for one kafkajs consumer: records its lifecycle and lets the test crash it or hand it a batch. */
class ScriptedMember {
  connected = false;
  running = false;
  private crashListeners: Array<(event: { payload: { error: Error; restart: boolean } }) => void> = [];
  private eachBatch: ((payload: EachBatchPayload) => Promise<void>) | undefined;

  constructor(private readonly joinFails: boolean) {}

  readonly consumer = {
    events: { CRASH },
    on: (event: string, listener: (event: { payload: { error: Error; restart: boolean } }) => void) => {
      if (event === CRASH) this.crashListeners.push(listener);
    },
    connect: async () => void (this.connected = true),
    subscribe: async () => undefined,
    run: async (config: { eachBatch: (payload: EachBatchPayload) => Promise<void> }) => {
      // as kafkajs: a failed join is reported as a crash, and run() still resolves
      if (this.joinFails) return this.crash(false, new Error('Failed to find group coordinator'));
      this.eachBatch = config.eachBatch;
      this.running = true;
    },
    disconnect: async () => {
      this.connected = false;
      this.running = false;
    },
  };

  crash(restart: boolean, error = new Error('KafkaJSGroupCoordinatorNotFound')): void {
    this.running = false;
    for (const listener of this.crashListeners) listener({ payload: { error, restart } });
  }

  /** Delivers one record at `offset` and resolves with the offset committed for it. */
  async deliver(offset: number): Promise<string | undefined> {
    if (!this.eachBatch) throw new Error('this member never ran');
    let committed: string | undefined;
    await this.eachBatch({
      batch: { topic: 't', partition: 0, messages: [{ offset: String(offset), key: Buffer.from('k'), value: Buffer.from('v'), headers: {}, timestamp: '0' }] },
      resolveOffset: () => undefined,
      commitOffsetsIfNecessary: async (offsets: { topics: Array<{ partitions: Array<{ offset: string }> }> }) => {
        committed = offsets.topics[0].partitions[0].offset;
      },
      heartbeat: async () => undefined,
      pause: () => () => undefined,
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload);
    return committed;
  }
}

function scriptedKafka(joinOutcomes: boolean[]): { kafka: Kafka; members: ScriptedMember[] } {
  const members: ScriptedMember[] = [];
  const kafka = {
    consumer: () => {
      const member = new ScriptedMember(joinOutcomes[members.length] === false);
      members.push(member);
      return member.consumer as unknown as Consumer;
    },
  } as unknown as Kafka;
  return { kafka, members };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2_000) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

function startConsumer(kafka: Kafka, handled: BusMessage[], logs: string[]): Promise<KafkaConsumer> {
  const logger: BusLogger = { warn: (text) => logs.push(text), error: (text) => logs.push(text) };
  const deps: KafkaConsumerDeps = {
    kafka,
    admin: {} as Admin,
    retry: { initialDelayMs: 10, maxDelayMs: 40, drainFailsAfterAttempts: 5 },
    deadLetter: undefined,
    publish: async () => undefined,
    logger,
    tuning: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 3_000, maxWaitTimeMs: 100, maxConcurrentPartitions: 1 },
    now: () => 0,
  };
  return KafkaConsumer.start('group-a', ['t'], 1, async (message) => void handled.push(message), deps, () => undefined);
}

describe('KafkaConsumer when kafkajs gives up on its member', () => {
  it('given a member that crashed without a kafkajs restart, then a new member joins after the backoff and goes on consuming', async () => {
    // given
    const { kafka, members } = scriptedKafka([true, true]);
    const handled: BusMessage[] = [];
    const logs: string[] = [];
    const consumer = await startConsumer(kafka, handled, logs);
    expect(await members[0].deliver(0)).toBe('1');

    // when
    members[0].crash(false);

    // then
    await until(() => members.length === 2 && members[1].running, 'a second member runs');
    expect(members[0].connected).toBe(false);
    expect(await members[1].deliver(1)).toBe('2');
    expect(handled.map((message) => message.offset)).toEqual([0, 1]);
    expect(logs.some((text) => text.includes("group 'group-a' rejoins with a new member"))).toBe(true);
    await consumer.stop();
  });

  it('given a crash kafkajs restarts by itself, then no member is added', async () => {
    const { kafka, members } = scriptedKafka([true]);
    const consumer = await startConsumer(kafka, [], []);

    members[0].crash(true);
    await sleep(100);

    expect(members).toHaveLength(1);
    await consumer.stop();
  });

  it('given rejoins that fail while the broker is still starting, then it keeps trying with a growing backoff until one joins', async () => {
    // given: the first two replacements cannot find the group coordinator
    const { kafka, members } = scriptedKafka([true, false, false, true]);
    const logs: string[] = [];
    const consumer = await startConsumer(kafka, [], logs);

    // when
    members[0].crash(false);

    // then
    await until(() => members.length === 4 && members[3].running, 'the fourth member runs');
    expect(logs.filter((text) => text.includes('rejoins with a new member')).map((text) => /in (\d+) ms/.exec(text)![1])).toEqual(['10', '20', '40']);
    await sleep(100);
    expect(members).toHaveLength(4);
    await consumer.stop();
  });

  it('given a consumer that was stopped, when its old member reports a crash, then it does not rejoin', async () => {
    const { kafka, members } = scriptedKafka([true]);
    const consumer = await startConsumer(kafka, [], []);
    await consumer.stop();

    members[0].crash(false);
    await sleep(100);

    expect(members).toHaveLength(1);
  });
});
