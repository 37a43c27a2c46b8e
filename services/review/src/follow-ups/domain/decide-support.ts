import { illegalTransition, notFound } from '@aftersales/kernel';
import { FollowUpRules } from './follow-up-rules';
import type { FollowUp, FollowUpState } from './follow-up-state';

export function requireFollowUp(state: FollowUpState, followUpId: string): FollowUp {
  if (state === null) throw notFound('review follow-up', followUpId);
  return state;
}

/** A command that acts on a closed follow-up is refused, naming the status. */
export function requireOpen(f: FollowUp, what: string): void {
  if (f.status !== 'open') throw illegalTransition(what, f.status, FollowUpRules.closed);
}

export const followUpKeys = (f: FollowUp) => ({ followUpId: f.id, reviewId: f.reviewId, orderId: f.orderId, shopId: f.shopId });
