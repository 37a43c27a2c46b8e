import { randomUUID } from 'node:crypto';
import type { BusMessage, ConsumerHandle } from '@aftersales/kernel';
import { KafkaMessageBus } from '@aftersales/kafka';
import { startTestBroker, testBrokerSource, type RunningTestBroker } from '@aftersales/kafka/testing';
import { runDlq } from './dlq';

const source = testBrokerSource();
// stderr, not console: jest does not show the console output of a file whose tests were all skipped
if (source.kind === 'none') process.stderr.write(`dead-letter CLI tests skipped: ${source.reason}\n`);
const describeWithBroker = source.kind === 'none' ? describe.skip : describe;

const quiet = { warn: () => undefined, error: () => undefined };

async function eventually(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeWithBroker('pnpm dlq on a real broker', () => {
  jest.setTimeout(90_000);
  let broker: RunningTestBroker;
  let bus: KafkaMessageBus;
  let consumer: ConsumerHandle | undefined;

  beforeAll(async () => {
    if (source.kind === 'none') return;
    broker = await startTestBroker(source);
  }, 180_000);
  afterEach(async () => {
    await consumer?.stop();
    await bus?.close();
  });
  afterAll(async () => broker?.stop());

  it('given a poison message dead-lettered while the partition moved on, then show names it and replay delivers it once more, with its key and headers, once', async () => {
    // given: a consumer that cannot handle the poison message (yet); it is dead-lettered after 2 attempts
    const topic = `dlq-cli-spec.${randomUUID().slice(0, 8)}`;
    const group = 'refund';
    bus = new KafkaMessageBus({
      brokers: broker.brokers,
      clientId: 'dlq-cli-spec',
      deadLetter: { afterAttempts: 2 },
      retry: { initialDelayMs: 5, maxDelayMs: 20, drainFailsAfterAttempts: 100 },
      consumer: { maxWaitTimeMs: 100, heartbeatIntervalMs: 500 },
      logger: quiet,
    });
    let broken = true;
    const handled: BusMessage[] = [];
    consumer = await bus.subscribe(group, [topic], async (message) => {
      if (message.value === 'poison' && broken) throw new Error('cannot parse the refund');
      handled.push(message);
    });
    const headers = (eventId: string) => ({ 'event-id': eventId, 'event-type': 'RefundRequested', 'content-type': 'application/json' });
    await bus.publish(topic, [
      { key: 'ord-1', value: 'first', headers: headers('e-1') },
      { key: 'ord-1', value: 'poison', headers: headers('e-2') },
      { key: 'ord-1', value: 'third', headers: headers('e-3') },
    ]);
    await eventually(() => handled.some((m) => m.value === 'third'), 'the message after the poison one was handled');
    const env = { KAFKA_BROKERS: broker.brokers.join(',') };

    // when: an operator looks
    const listed: string[] = [];
    const shown: string[] = [];
    expect(await runDlq(['list'], (line) => void listed.push(line), env)).toBe(0);
    expect(await runDlq(['show', '--topic', topic, '--group', group], (line) => void shown.push(line), env)).toBe(0);

    // then: the dead letter says where and why it failed
    expect(listed).toContain(`${topic}.dlq\t1`);
    expect(JSON.parse(shown[0])).toMatchObject({
      failedIn: group,
      original: `${topic}[${handled[0].partition}]@1`,
      attempts: 2,
      error: 'Error: cannot parse the refund',
      key: 'ord-1',
      eventType: 'RefundRequested',
      eventId: 'e-2',
      value: 'poison',
    });
    expect(shown.at(-1)).toBe(`1 dead letter(s) on ${topic}.dlq of group ${group}`);
    expect(handled.map((m) => m.value)).toEqual(['first', 'third']);

    // when: the bug is fixed and the dead letters are replayed, twice
    broken = false;
    const replayed: string[] = [];
    expect(await runDlq(['replay', '--topic', `${topic}.dlq`, '--group', group], (line) => void replayed.push(line), env)).toBe(0);
    await eventually(() => handled.some((m) => m.value === 'poison'), 'the replayed message was handled');
    const again: string[] = [];
    expect(await runDlq(['replay', '--topic', topic, '--group', group], (line) => void again.push(line), env)).toBe(0);
    await consumer.drain();

    // then: the original topic got it back once, with the original key and headers and no dlq-* ones
    const back = handled.filter((m) => m.value === 'poison');
    expect(back).toHaveLength(1);
    expect(back[0].key).toBe('ord-1');
    expect(back[0].headers).toEqual(headers('e-2'));
    expect(back[0].offset).toBe(3);
    expect(replayed.at(-1)).toBe(`1 dead letter(s) replayed from ${topic}.dlq`);
    expect(again.at(-1)).toBe(`0 dead letter(s) replayed from ${topic}.dlq`);
  });

  it('given a command without --topic, or an unknown command, then the usage and exit code 2', async () => {
    const lines: string[] = [];
    expect(await runDlq(['show'], (line) => void lines.push(line), { KAFKA_BROKERS: broker.brokers.join(',') })).toBe(2);
    expect(lines.join('\n')).toContain('show needs --topic');
    expect(await runDlq(['purge'], (line) => void lines.push(line), {})).toBe(2);
  });
});
