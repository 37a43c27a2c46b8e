import { randomBytes } from 'node:crypto';

/** `ord_` + creation time in base36 (so ids, and lists ordered by id, follow placement order) + 40 random bits. */
export const newOrderId = (now: Date): string => `ord_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;
