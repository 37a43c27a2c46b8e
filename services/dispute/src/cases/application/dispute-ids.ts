import { randomBytes } from 'node:crypto';

/** `dsp_` + intake time in base36 (lists ordered by id follow intake order) + 40 random bits. */
export function newDisputeId(now: Date): string {
  return `dsp_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;
}

/** Ids of the parts of a case (messages, remedies, evidence requests, rulings): a prefix and the ordinal in the case. */
export const partId = (prefix: 'msg' | 'rem' | 'evr' | 'rul', ordinal: number): string => `${prefix}-${ordinal}`;
