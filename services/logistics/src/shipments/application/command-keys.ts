import { createHash } from 'node:crypto';
import type { CommandKey } from '@aftersales/kernel';

/** Keys of commands the service issues itself; the hash depends only on the key, so a redelivery is recognised. */
const keyOf = (key: string): CommandKey => ({ key, requestHash: createHash('sha256').update(key).digest('hex') });

export const timerCommandKey = (timerId: string): CommandKey => keyOf(`timer:${timerId}`);

/** One bus event may cause one command per shipment: the shipment id completes the key. */
export const consumerCommandKey = (group: string, eventId: string, subject?: string): CommandKey =>
  keyOf(subject === undefined ? `consumer:${group}:${eventId}` : `consumer:${group}:${eventId}:${subject}`);
