import type { KafkaMessage } from 'kafkajs';
import { toBusMessage, toKafkaMessage } from './message-codec';

const record = (overrides: Partial<KafkaMessage>): KafkaMessage =>
  ({
    key: Buffer.from('order-1'),
    value: Buffer.from('{"a":1}'),
    headers: {},
    offset: '41',
    timestamp: '0',
    attributes: 0,
    ...overrides,
  }) as KafkaMessage;

describe('message codec', () => {
  it('given a record from kafkajs, then key, value and headers become text and the offset a number', () => {
    const message = toBusMessage(
      't',
      3,
      record({ headers: { 'event-id': Buffer.from('e-1'), 'content-type': 'application/json', absent: undefined } }),
    );

    expect(message).toEqual({
      topic: 't',
      partition: 3,
      offset: 41,
      key: 'order-1',
      value: '{"a":1}',
      headers: { 'event-id': 'e-1', 'content-type': 'application/json' },
    });
  });

  it('given a header sent twice, then the last value wins, as Kafka’s lastHeader', () => {
    const message = toBusMessage('t', 0, record({ headers: { traceparent: [Buffer.from('first'), Buffer.from('second')] } }));

    expect(message.headers).toEqual({ traceparent: 'second' });
  });

  it('given a record with a producer timestamp, then the message carries it in ms since the epoch', () => {
    expect(toBusMessage('t', 0, record({ timestamp: '1793606400123' })).timestamp).toBe(1_793_606_400_123);
  });

  it('given a record without key or value, then they are empty text', () => {
    const message = toBusMessage('t', 0, record({ key: null, value: null }));

    expect([message.key, message.value]).toEqual(['', '']);
  });

  it('given an outgoing message, then kafkajs gets the same key, value and headers; a non-text header is refused', () => {
    expect(toKafkaMessage({ key: 'order-1', value: 'v', headers: { 'event-id': 'e-1' } })).toEqual({
      key: 'order-1',
      value: 'v',
      headers: { 'event-id': 'e-1' },
    });
    expect(() => toKafkaMessage({ key: 'k', value: 'v', headers: { position: 7 as unknown as string } })).toThrow(
      'header position must be a string',
    );
  });
});
