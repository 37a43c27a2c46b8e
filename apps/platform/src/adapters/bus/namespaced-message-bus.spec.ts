import type { BusMessage, ConsumerHandle, MessageBus, MessageHandler, OutgoingMessage } from '@aftersales/kernel';
import { NamespacedMessageBus } from './namespaced-message-bus';

class RecordingBus implements MessageBus {
  readonly published: Array<{ topic: string; messages: OutgoingMessage[] }> = [];
  readonly subscriptions: Array<{ groupId: string; topics: string[]; handler: MessageHandler }> = [];
  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.published.push({ topic, messages });
  }
  async subscribe(groupId: string, topics: string[], handler: MessageHandler): Promise<ConsumerHandle> {
    this.subscriptions.push({ groupId, topics, handler });
    return { drain: async () => undefined, lag: async () => 0, stop: async () => undefined };
  }
  readonly rewinds: Array<{ groupId: string; topics: string[] }> = [];
  async rewind(groupId: string, topics: string[]): Promise<void> {
    this.rewinds.push({ groupId, topics });
  }
  readonly lags: Array<{ groupId: string; topics: string[] }> = [];
  async lag(groupId: string, topics: string[]): Promise<number> {
    this.lags.push({ groupId, topics });
    return 7;
  }
  async close(): Promise<void> {}
}

describe('NamespacedMessageBus', () => {
  it('given a prefix, when publishing and subscribing, then topics and groups are prefixed and handlers see the plain topic', async () => {
    const inner = new RecordingBus();
    const bus = new NamespacedMessageBus(inner, 'run-7.');
    const seen: BusMessage[] = [];

    await bus.publish('aftersales.order.events.v1', [{ key: 'o-1', value: '{}', headers: {} }]);
    await bus.subscribe('logistics', ['aftersales.order.events.v1'], async (message) => void seen.push(message));
    await inner.subscriptions[0].handler({ topic: 'run-7.aftersales.order.events.v1', partition: 1, offset: 3, key: 'o-1', value: '{}', headers: {} });

    expect(inner.published.map((p) => p.topic)).toEqual(['run-7.aftersales.order.events.v1']);
    expect(inner.subscriptions.map(({ groupId, topics }) => ({ groupId, topics }))).toEqual([
      { groupId: 'run-7.logistics', topics: ['run-7.aftersales.order.events.v1'] },
    ]);
    expect(seen).toEqual([expect.objectContaining({ topic: 'aftersales.order.events.v1', partition: 1, offset: 3 })]);
  });

  it('given a prefix, when rewinding a group, then the group and its topics are prefixed', async () => {
    const inner = new RecordingBus();
    const bus = new NamespacedMessageBus(inner, 'run-7.');

    await bus.rewind('refund', ['aftersales.order.events.v1']);

    expect(inner.rewinds).toEqual([{ groupId: 'run-7.refund', topics: ['run-7.aftersales.order.events.v1'] }]);
  });

  it('given a prefix, when asked for a group\'s lag, then the group and its topics are prefixed', async () => {
    const inner = new RecordingBus();
    const bus = new NamespacedMessageBus(inner, 'run-7.');

    expect(await bus.lag('logistics', ['aftersales.order.events.v1'])).toBe(7);

    expect(inner.lags).toEqual([{ groupId: 'run-7.logistics', topics: ['run-7.aftersales.order.events.v1'] }]);
  });

  it('given an empty prefix, then it refuses to be built', () => {
    expect(() => new NamespacedMessageBus(new RecordingBus(), '')).toThrow('must not be empty');
  });
});
