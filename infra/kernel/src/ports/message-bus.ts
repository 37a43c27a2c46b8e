/** A message on a topic, with Kafka's shape: key, value, headers, partition, offset. */
export interface BusMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  /** JSON text of the event envelope. */
  value: string;
  headers: Record<string, string>;
  /** When the bus accepted the message (ms since the epoch; Kafka's record timestamp), where the bus records it. */
  timestamp?: number;
  /**
   * What `JSON.parse(value)` gives, decoded once per event and shared by every group of an in-process bus (the log
   * bus), deep-frozen: read it, never change it. Absent where each message comes as text (Kafka). Read it through
   * `envelopeOf(message)`.
   */
  envelope?: () => unknown;
}

export interface OutgoingMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** The message's envelope: the one its bus decoded for every group (read-only), else its JSON text parsed. */
export function envelopeOf<T = unknown>(message: BusMessage): T {
  return (message.envelope ? message.envelope() : JSON.parse(message.value)) as T;
}

/** Called per message; the offset is committed only after the returned promise resolves. */
export type MessageHandler = (message: BusMessage) => Promise<void>;

export interface SubscribeOptions {
  /**
   * The messages the group reacts to, by topic and event type (the `event-type` header). A bus may pass over the
   * others without calling the handler (its position moves past them as if they were handled); one that does not
   * hands them to the handler, which must then ignore them itself.
   */
  accepts?(topic: string, eventType: string): boolean;
}

export interface ConsumerHandle {
  /** Resolves once every message published so far on the subscribed topics has been handled and committed. */
  drain(): Promise<void>;
  /** Sum of (end offset − committed offset) over the subscribed partitions. */
  lag(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Kafka semantics: topics split into partitions by key, consumer groups with committed offsets
 * that survive restarts, at-least-once delivery (what was not committed is delivered again).
 */
export interface MessageBus {
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(groupId: string, topics: string[], handler: MessageHandler, options?: SubscribeOptions): Promise<ConsumerHandle>;
  /**
   * Moves the group's committed offsets on these topics back to the start of each partition (the log start), so its
   * next subscription re-reads everything kept. Refuses (rejects) while this bus has an active consumer of the group.
   */
  rewind(groupId: string, topics: string[]): Promise<void>;
  /**
   * How far the group is behind on these topics, whether or not it consumes in this process: the sum over their
   * partitions of (end offset − the group's committed offset; the log start where it never committed). 0 means every
   * message published so far was handled and committed by the group, so a view it feeds has seen them. A topic that
   * does not exist yet counts 0.
   */
  lag(groupId: string, topics: string[]): Promise<number>;
  close(): Promise<void>;
}
