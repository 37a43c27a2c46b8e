import { randomUUID } from 'node:crypto';
import { messageOfEvent } from '@aftersales/kernel';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { exampleEnvelopeOf } from '../asyncapi';
import { eventDefinition } from '../catalogue';
import { partitionKeyOf } from '../define-event';
import type { EventEnvelope as PlatformEnvelope } from '../envelope';
import { replayOrder } from './replay-order';

const brokers = (process.env.KAFKA_BROKERS ?? '')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
// stderr, not console: jest does not show the console output of a file whose tests were all skipped
if (brokers.length === 0) {
  process.stderr.write('replay-order example: Kafka test skipped, KAFKA_BROKERS is not set (pnpm kafka:start, then KAFKA_BROKERS=127.0.0.1:9092)\n');
}
const describeWithBroker = brokers.length > 0 ? describe : describe.skip;

/** An event of the catalogue for `orderId`, recorded at `minute`, as the platform stores and publishes it. */
function event(type: string, orderId: string, minute: number, position: number): PlatformEnvelope {
  const example = exampleEnvelopeOf(eventDefinition(type, 1));
  const at = new Date(Date.UTC(2026, 10, 5, 8, minute)).toISOString();
  return {
    ...example,
    eventId: randomUUID(),
    streamId: `order-${orderId}`,
    position,
    occurredAt: at,
    recordedAt: at,
    data: { ...(example.data as object), orderId },
  };
}

describeWithBroker('the replay-order example against a real broker', () => {
  jest.setTimeout(60_000);
  const kafka = new Kafka({ clientId: 'replay-order-spec', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let producer: Producer;
  const run = randomUUID().slice(0, 8);
  const orderTopic = `replay-spec.${run}.order`;
  const logisticsTopic = `replay-spec.${run}.logistics`;
  const emptyTopic = `replay-spec.${run}.empty`;

  /** Publishes like the platform: the kernel's message (key, envelope JSON, headers), the default partitioner. */
  const publish = async (topic: string, events: PlatformEnvelope[]) => {
    for (const e of events) {
      const message = messageOfEvent(e, partitionKeyOf);
      await producer.send({ topic, messages: [{ key: message.key, value: message.value, headers: message.headers }] });
    }
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [orderTopic, logisticsTopic, emptyTopic].map((topic) => ({ topic, numPartitions: 3 })),
    });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await admin.deleteTopics({ topics: [orderTopic, logisticsTopic, emptyTopic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('prints every event of one order, in order, with the documented envelope and headers, then stops', async () => {
    // given two orders' histories interleaved on two topics with several partitions
    const a = `ord-a-${run}`;
    const b = `ord-b-${run}`;
    await publish(orderTopic, [
      event('OrderPlaced', a, 0, 1),
      event('OrderPlaced', b, 1, 2),
      event('OrderPaid', a, 2, 3),
      event('OrderPaid', b, 3, 4),
      event('OrderShipped', a, 6, 6),
    ]);
    await publish(logisticsTopic, [
      event('ShipmentCreated', a, 4, 1),
      event('ShipmentDispatched', a, 5, 2),
      event('ShipmentCreated', b, 5, 3),
    ]);

    // when order a is replayed
    const replayed = await replayOrder({ brokers, orderId: a, topics: [orderTopic, logisticsTopic, emptyTopic] });

    // then exactly its events come back, merged across topics by recordedAt, each topic in its own order
    expect(replayed.map((r) => r.envelope.type)).toEqual([
      'OrderPlaced',
      'OrderPaid',
      'ShipmentCreated',
      'ShipmentDispatched',
      'OrderShipped',
    ]);
    expect(replayed.every((r) => r.envelope.data.orderId === a)).toBe(true);
    // and each carries the platform's headers, matching its envelope
    for (const { headers, envelope } of replayed) {
      expect(headers).toEqual(messageOfEvent(envelope as PlatformEnvelope, partitionKeyOf).headers);
      expect(headers['event-type']).toBe(envelope.type);
    }
  });

  it('stops with nothing for an order that has no events, and for topics that do not exist or are empty', async () => {
    await publish(orderTopic, [event('OrderPlaced', `ord-c-${run}`, 0, 9)]);
    const none = await replayOrder({
      brokers,
      orderId: `ord-unknown-${run}`,
      topics: [orderTopic, emptyTopic, `replay-spec.${run}.missing`],
    });
    expect(none).toEqual([]);
    // the missing topic was not created as a side effect
    expect(await admin.listTopics()).not.toContain(`replay-spec.${run}.missing`);
  });

  it('leaves no consumer group behind', async () => {
    const before = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    await replayOrder({ brokers, orderId: `ord-a-${run}`, topics: [orderTopic] });
    const after = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => !before.has(id));
    expect(after.filter((id) => id.startsWith('replay-order-'))).toEqual([]);
  });
});
