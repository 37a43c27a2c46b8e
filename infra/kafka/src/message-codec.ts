import type { BusMessage, OutgoingMessage } from '@aftersales/kernel';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** Our message as kafkajs sends it: key and value as UTF-8 text, every header a string. */
export function toKafkaMessage(message: OutgoingMessage): Message {
  if (typeof message.key !== 'string') throw new TypeError('a message key must be a string');
  if (typeof message.value !== 'string') throw new TypeError('a message value must be a string');
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (typeof value !== 'string') throw new TypeError(`header ${name} must be a string`);
    headers[name] = value;
  }
  return { key: message.key, value: message.value, headers };
}

/** A record as kafkajs delivers it, in the port's shape. A repeated header keeps its last value, as Kafka's lastHeader. */
export function toBusMessage(topic: string, partition: number, record: KafkaMessage): BusMessage {
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(record.headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) headers[name] = text(value);
  }
  return {
    topic,
    partition,
    offset: Number(record.offset),
    key: record.key ? text(record.key) : '',
    value: record.value ? text(record.value) : '',
    headers,
    ...(Number(record.timestamp) > 0 ? { timestamp: Number(record.timestamp) } : {}),
  };
}

const text = (value: Buffer | string): string => (typeof value === 'string' ? value : value.toString('utf8'));
