import { createHash } from 'node:crypto';
import type { CommandKey } from '@aftersales/kernel';

/** A bus reaction's key: the same event delivered again is the same command and appends nothing. */
export const consumerCommandKey = (group: string, eventId: string): CommandKey => {
  const key = `consumer:${group}:${eventId}`;
  return { key, requestHash: createHash('sha256').update(key).digest('hex') };
};
