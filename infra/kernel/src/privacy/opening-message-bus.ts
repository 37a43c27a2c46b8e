import { envelopeOf, type BusMessage, type ConsumerHandle, type MessageBus, type MessageHandler, type OutgoingMessage, type SubscribeOptions } from '../ports/message-bus';
import type { Keyring } from './keyring';
import { hasSealedFields, openFields } from './sealed-fields';

/**
 * A bus whose consumers get every message with its sealed fields opened (or `[erased]`): what is published, and kept
 * by the broker as long as its retention says, is the log's cipher text.
 */
export class OpeningMessageBus implements MessageBus {
  constructor(
    private readonly inner: MessageBus,
    private readonly keys: Keyring,
  ) {}

  publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    return this.inner.publish(topic, messages);
  }

  subscribe(groupId: string, topics: string[], handler: MessageHandler, options?: SubscribeOptions): Promise<ConsumerHandle> {
    return this.inner.subscribe(groupId, topics, async (message) => handler(await this.open(message)), options);
  }

  rewind(groupId: string, topics: string[]): Promise<void> {
    return this.inner.rewind(groupId, topics);
  }

  lag(groupId: string, topics: string[]): Promise<number> {
    return this.inner.lag(groupId, topics);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async open(message: BusMessage): Promise<BusMessage> {
    const type = message.headers['event-type'];
    if (!type || !hasSealedFields(type)) return message;
    const envelope = envelopeOf<{ schemaVersion: number; data: unknown }>(message);
    const data = await openFields(type, envelope.schemaVersion, envelope.data, (keyId) => this.keys.key(keyId));
    // The opened text, and no envelope decoded from the sealed one.
    return { ...message, value: JSON.stringify({ ...envelope, data }), envelope: undefined };
  }
}
