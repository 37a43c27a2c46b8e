import type { Rulebook } from '@aftersales/contracts';
import { addHours, isAtOrAfter } from '@aftersales/kernel';
import { followUpKeys } from './decide-support';
import type { CheckFollowUpDeadline, OpenFollowUp } from './follow-up-commands';
import { followUpEvent, type ReviewFollowUpEvent } from './follow-up-events';
import { followUpRulesOf } from './follow-up-rules';
import type { FollowUpState } from './follow-up-state';

/**
 * A neutral or negative review opens its follow-up at once, with its first-contact and resolution deadlines from the
 * rulebook. Opening it again (the review published again, a redelivery) changes nothing; a positive review opens none.
 */
export function decideOpenFollowUp(command: OpenFollowUp, state: FollowUpState, rulebook: Rulebook): ReviewFollowUpEvent[] {
  if (state !== null || command.rating === 'positive') return [];
  const rules = followUpRulesOf(rulebook);
  return [
    followUpEvent('ReviewFollowUpOpened', {
      followUpId: command.followUpId,
      reviewId: command.reviewId,
      orderId: command.orderId,
      shopId: command.shopId,
      buyerId: command.buyerId,
      rating: command.rating,
      deadlines: {
        firstContactBy: addHours(command.at, rules.firstContactHours),
        resolveBy: addHours(command.at, rules.resolveHours),
      },
      ruleIds: { firstContact: rules.ruleIds.firstContact, resolution: rules.ruleIds.resolution },
      rulebookVersion: rulebook.version,
      basedOn: [command.basedOn],
      openedAt: command.at,
    }),
  ];
}

/**
 * A deadline's timer fired: a deadline still running and due is breached, once. First contact runs until the buyer is
 * contacted, resolution until the follow-up closes; a deadline met changes nothing.
 */
export function decideCheckFollowUpDeadline(command: CheckFollowUpDeadline, state: FollowUpState): ReviewFollowUpEvent[] {
  if (state === null || state.status !== 'open' || state.breaches.includes(command.metric)) return [];
  if (command.metric === 'first_contact' && state.contactedAt !== undefined) return [];
  const deadline = state.deadlines[command.metric];
  if (!isAtOrAfter(command.at, deadline.dueAt)) return [];
  return [
    followUpEvent('ReviewFollowUpSlaBreached', {
      ...followUpKeys(state),
      metric: command.metric,
      dueAt: deadline.dueAt,
      breachedAt: command.at,
      ruleId: deadline.ruleId,
      rulebookVersion: state.rulebookVersion,
    }),
  ];
}
