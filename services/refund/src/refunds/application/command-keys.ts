import { createHash } from 'node:crypto';
import type { CommandKey } from '@aftersales/kernel';

/**
 * Keys of commands the refund service issues itself. The hash depends only on the key, so a redelivered event or
 * a re-fired timer is recognised as the same command and appends nothing.
 */
const keyOf = (key: string): CommandKey => ({ key, requestHash: createHash('sha256').update(key).digest('hex') });

export const timerCommandKey = (timerId: string): CommandKey => keyOf(`timer:${timerId}`);

/** One event may cause one command per effect: the effect completes the key (`consumer:refund:<eventId>:allowance`). */
export const consumerCommandKey = (eventId: string, effect?: string): CommandKey =>
  keyOf(effect === undefined ? `consumer:refund:${eventId}` : `consumer:refund:${eventId}:${effect}`);
