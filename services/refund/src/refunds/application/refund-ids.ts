import { createHash, randomBytes } from 'node:crypto';

/** `rfd_` + creation time in base36 (ids follow request order) + 40 random bits. */
export const newRefundId = (now: Date): string => `rfd_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;

/**
 * With an Idempotency-Key the id is derived from it: a retry after a crash between the reservation and the request
 * finds its own reservation again instead of reserving twice.
 */
export const refundIdForKey = (commandKey: string): string => `rfd_k${createHash('sha256').update(commandKey).digest('hex').slice(0, 20)}`;

const suffixOf = (refundId: string): string => refundId.replace(/^rfd_/, '');

/** The replacement order of an exchange and the dispute of an escalation are named after the refund: allocating them twice yields the same id. */
export const replacementOrderIdOf = (refundId: string): string => `ord_x${suffixOf(refundId)}`;
export const disputeIdOf = (refundId: string): string => `dsp_${suffixOf(refundId)}`;

export const refundStreamId = (refundId: string): string => `refund-${refundId}`;
