import { partitionKeyOf } from '@aftersales/contracts';
import { messageOfEvent } from '../bus/bus-headers';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { InMemoryKeyStore } from '../memory/in-memory-key-store';
import type { BusMessage, MessageBus, MessageHandler } from '../ports/message-bus';
import { sampleEvent } from '../testing/sample-events';
import { Keyring } from './keyring';
import { OpeningMessageBus } from './opening-message-bus';
import { ProtectedEventStore } from './protected-event-store';

const address = {
  name: 'Li Lei',
  phone: '+86 138-0000-0000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  street: '1 Wensan Road',
};

/** A bus that hands every published message to its one subscriber, as a broker would. */
function oneSubscriberBus(): MessageBus & { deliver(topic: string, index: number): Promise<void> } {
  let handler: MessageHandler | undefined;
  const published: Array<{ topic: string; message: BusMessage }> = [];
  return {
    async publish(topic, messages) {
      for (const message of messages) published.push({ topic, message: { ...message, topic, partition: 0, offset: published.length } });
    },
    async subscribe(_group, _topics, subscriber) {
      handler = subscriber;
      return { drain: async () => undefined, lag: async () => 0, stop: async () => undefined };
    },
    rewind: async () => undefined,
    lag: async () => 0,
    close: async () => undefined,
    async deliver(_topic, index) {
      await handler!(published[index].message);
    },
  };
}

describe('OpeningMessageBus', () => {
  it('given a sealed event published from the stored log, then the broker holds cipher text and the consumer gets the address until the buyer is erased', async () => {
    const raw = new InMemoryEventStore();
    const keyring = new Keyring(new InMemoryKeyStore());
    await new ProtectedEventStore(raw, keyring).append(
      'order-o-1',
      [sampleEvent('OrderPlaced', { buyerId: 'buyer-1', address })],
      'no_stream',
    );
    const broker = oneSubscriberBus();
    const received: unknown[] = [];
    await new OpeningMessageBus(broker, keyring).subscribe(
      'g',
      ['t'],
      async (message) => void received.push(JSON.parse(message.value).data),
    );
    const [stored] = await raw.readAll(0, 10);
    await broker.publish('t', [messageOfEvent(stored, partitionKeyOf)]);

    await broker.deliver('t', 0);
    await keyring.erase({
      subjectId: 'buyer-1',
      erasedAt: '2026-11-10T09:00:00.000Z',
      actor: { id: 'admin-1', role: 'admin' },
      reason: 'asked',
    });
    await broker.deliver('t', 0);

    expect(JSON.stringify(stored)).not.toContain('Li Lei');
    expect(received[0]).toMatchObject({ buyerId: 'buyer-1', address });
    expect(received[1]).toMatchObject({ buyerId: 'buyer-1', address: { name: '[erased]', phone: '[erased]' } });
  });
});
