import type { ConsumerHandle, MessageBus, MessageHandler, OutgoingMessage } from '@aftersales/kernel';

/**
 * A MessageBus whose topics and consumer groups all live under a prefix on the underlying bus: several systems (test
 * runs) share one broker without seeing each other's messages, while the services keep using the contracts' topic
 * names. Handlers see the unprefixed topic.
 */
export class NamespacedMessageBus implements MessageBus {
  constructor(
    private readonly inner: MessageBus,
    readonly prefix: string,
  ) {
    if (prefix.length === 0) throw new Error('a namespace prefix must not be empty');
  }

  publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    return this.inner.publish(this.prefix + topic, messages);
  }

  subscribe(groupId: string, topics: string[], handler: MessageHandler): Promise<ConsumerHandle> {
    return this.inner.subscribe(
      this.prefix + groupId,
      topics.map((topic) => this.prefix + topic),
      (message) => handler({ ...message, topic: this.unprefixed(message.topic) }),
    );
  }

  rewind(groupId: string, topics: string[]): Promise<void> {
    return this.inner.rewind(
      this.prefix + groupId,
      topics.map((topic) => this.prefix + topic),
    );
  }

  lag(groupId: string, topics: string[]): Promise<number> {
    return this.inner.lag(
      this.prefix + groupId,
      topics.map((topic) => this.prefix + topic),
    );
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private unprefixed(topic: string): string {
    return topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic;
  }
}
