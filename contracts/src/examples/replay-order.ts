/**
 * Replays the history of one order from the after-sales Kafka topics, prints it in order, and stops.
 * Needs only kafkajs (npm i kafkajs); written from contracts/INTEGRATORS.md and contracts/asyncapi.yaml.
 *
 *   node replay-order.js <orderId> [host:port,...]     (brokers default to $KAFKA_BROKERS, else 127.0.0.1:9092)
 *
 * A fresh consumer group reads every partition of every topic from the beginning, keeps the messages whose key is
 * the order id, and stops when each partition reaches the end offset it had when the replay started. It commits
 * nothing and deletes its group at the end, so it can run any number of times.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';

/** The envelope of every event: the JSON value of every message (contracts/schemas/envelope.json). */
export interface EventEnvelope {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: number;
  position: number;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  actor: { id: string; role: string };
  trace?: { traceparent: string; tracestate?: string };
  /** The event's own data; its schema is the one of (type, schemaVersion). Every event's data has orderId. */
  data: { orderId: string; [field: string]: unknown };
}

export interface ReplayedEvent {
  topic: string;
  partition: number;
  offset: string;
  headers: Record<string, string>;
  envelope: EventEnvelope;
}

export interface ReplayOptions {
  brokers: string[];
  orderId: string;
  /** Topics to read; by default the after-sales topics that exist. */
  topics?: string[];
  clientId?: string;
}

/** One topic per service, in the order a tie on recordedAt is broken. */
export const AFTERSALES_TOPICS = ['order', 'logistics', 'refund', 'dispute', 'review'].map((service) => `aftersales.${service}.events.v1`);

export async function replayOrder(options: ReplayOptions): Promise<ReplayedEvent[]> {
  const kafka = new Kafka({ clientId: options.clientId ?? 'replay-order', brokers: options.brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `replay-order-${randomUUID()}`;
  try {
    // Subscribing to a missing topic could create it: read only the ones that exist.
    const existing = new Set(await admin.listTopics());
    const topics = (options.topics ?? AFTERSALES_TOPICS).filter((topic) => existing.has(topic));

    // Where each partition ends now: the replay stops there; later events are not part of it.
    const endOffsets = new Map<string, number>();
    for (const topic of topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
        if (Number(low) > 0) console.warn(`${topic}[${partition}]: offsets before ${low} were deleted by retention`);
        if (Number(high) > Number(low)) endOffsets.set(`${topic}:${partition}`, Number(high));
      }
    }
    if (endOffsets.size === 0) return [];

    const events: ReplayedEvent[] = [];
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    try {
      let finish!: () => void;
      let fail!: (error: Error) => void;
      const replayed = new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) fail(payload.error);
      });
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const slot = `${topic}:${partition}`;
          const end = endOffsets.get(slot);
          if (end === undefined) return; // this partition is replayed already
          const offset = Number(message.offset);
          if (offset < end && message.key?.toString('utf8') === options.orderId && message.value) {
            const envelope = JSON.parse(message.value.toString('utf8')) as EventEnvelope;
            events.push({ topic, partition, offset: message.offset, headers: textOf(message.headers), envelope });
          }
          if (offset + 1 >= end) {
            endOffsets.delete(slot);
            if (endOffsets.size === 0) finish();
          }
        },
      });
      await replayed;
    } finally {
      await consumer.disconnect();
    }
    return inHistoryOrder(events, topics);
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined); // the group may never have been created
    await admin.disconnect();
  }
}

/** Kafka header values are bytes (or arrays of them when repeated); ours are UTF-8 text, one value each. */
function textOf(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = last.toString();
  }
  return text;
}

const recordedAt = (event: ReplayedEvent): number => Date.parse(event.envelope.recordedAt);

/**
 * One order's events are in order within each topic (one key, one partition, appended in the order recorded).
 * Topics have no order between them, so merge them by recordedAt, never reordering a topic's own events.
 */
function inHistoryOrder(events: ReplayedEvent[], topics: string[]): ReplayedEvent[] {
  const queues = topics.map((topic) =>
    events.filter((e) => e.topic === topic).sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset)),
  );
  const merged: ReplayedEvent[] = [];
  for (;;) {
    let next: ReplayedEvent[] | undefined;
    for (const queue of queues) {
      if (queue.length > 0 && (!next || recordedAt(queue[0]) < recordedAt(next[0]))) next = queue;
    }
    if (!next) return merged;
    merged.push(next.shift()!);
  }
}

async function main(): Promise<void> {
  const [orderId, brokerList = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'] = process.argv.slice(2);
  if (!orderId) {
    console.error('usage: node replay-order.js <orderId> [host:port,...]');
    process.exitCode = 2;
    return;
  }
  const events = await replayOrder({
    orderId,
    brokers: brokerList
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  });
  for (const { topic, partition, offset, envelope } of events) {
    const { recordedAt, type, schemaVersion, actor, data } = envelope;
    console.log(
      `${recordedAt}  ${type} v${schemaVersion}  by ${actor.role}:${actor.id}  (${topic}[${partition}]@${offset})  ${JSON.stringify(data)}`,
    );
  }
  console.log(`${events.length} event(s) of order ${orderId}.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
