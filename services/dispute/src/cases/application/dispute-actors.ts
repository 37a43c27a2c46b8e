import type { Actor } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { CaseActor } from '../domain';

/** The dispute service's consumer group on the order and refund topics. */
export const DISPUTE_CONSUMER_GROUP = 'dispute';

export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;
/** The refund service escalated the refund: the case it opens names it as the actor. */
export const REFUND_SERVICE_ACTOR = { id: 'refund', role: 'system' } as const;

/** The side a caller speaks for in a case: the buyer, the shop's staff, or the platform. */
export function partyOf(actor: Actor): CaseActor['party'] {
  if (actor.role === 'buyer') return 'buyer';
  if (actor.role === 'agent' || actor.role === 'supervisor') return 'merchant';
  return 'platform';
}

/** The party of a buyer or the shop (escalation, evidence, appeal); the platform is neither. */
export function disputePartyOf(actor: Actor): 'buyer' | 'merchant' {
  const party = partyOf(actor);
  if (party === 'platform') throw ruleViolation('dispute.party_only', `${actor.role} ${actor.id} is not a party to the case`);
  return party;
}
