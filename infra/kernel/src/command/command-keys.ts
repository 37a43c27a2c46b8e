import { createHash } from 'node:crypto';
import type { CommandKey } from '../ports/event-store';

/**
 * Keys of commands a service issues itself (a fired timer, a bus reaction). The request hash depends only on the key,
 * so a re-fired timer or a redelivered event is recognised as the same command and appends nothing.
 */
export const commandKeyOf = (key: string): CommandKey => ({ key, requestHash: createHash('sha256').update(key).digest('hex') });

/** `timer:<timerId>`: the command a durable timer fires. */
export const timerCommandKey = (timerId: string): CommandKey => commandKeyOf(`timer:${timerId}`);

/**
 * `consumer:<group>:<eventId>[:<effect>]`: the command a consumer group runs for one event. One event may cause one
 * command per effect (a shipment id, `allowance`): the effect completes the key.
 */
export const consumerCommandKey = (group: string, eventId: string, effect?: string): CommandKey =>
  commandKeyOf(effect === undefined ? `consumer:${group}:${eventId}` : `consumer:${group}:${eventId}:${effect}`);
