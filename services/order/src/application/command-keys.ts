import { createHash } from 'node:crypto';
import type { CommandKey } from '@aftersales/kernel';

/**
 * Keys for commands the service issues itself. The request hash depends only on the key's subject, so a
 * repeated delivery is always recognised as the same command and appends nothing.
 */
const keyOf = (key: string): CommandKey => ({ key, requestHash: createHash('sha256').update(key).digest('hex') });

export const timerCommandKey = (timerId: string): CommandKey => keyOf(`timer:${timerId}`);

export const consumerCommandKey = (group: string, eventId: string): CommandKey => keyOf(`consumer:${group}:${eventId}`);
