import { illegalTransition, isAfter } from '@aftersales/kernel';
import { followUpKeys, requireFollowUp, requireOpen } from './decide-support';
import type { CloseFollowUp, CloseFollowUpOnRevision, ContactBuyer } from './follow-up-commands';
import { followUpEvent, type ReviewFollowUpEvent } from './follow-up-events';
import { FollowUpRules } from './follow-up-rules';
import type { FollowUpState } from './follow-up-state';

/** The shop's first contact with the buyer: once; it stops the first-contact clock and says whether it was in time. */
export function decideContactBuyer(command: ContactBuyer, state: FollowUpState): ReviewFollowUpEvent[] {
  const f = requireFollowUp(state, command.followUpId);
  requireOpen(f, 'contacting the buyer');
  if (f.contactedAt !== undefined) {
    throw illegalTransition('a second first contact', `contacted at ${f.contactedAt}`, FollowUpRules.alreadyContacted);
  }
  const firstContactBy = f.deadlines.first_contact.dueAt;
  return [
    followUpEvent('ReviewFollowUpBuyerContacted', {
      ...followUpKeys(f),
      agentId: command.agentId,
      channel: command.channel,
      note: command.note,
      firstContactBy,
      withinDeadline: !isAfter(command.at, firstContactBy),
      contactedAt: command.at,
    }),
  ];
}

/** The shop closes the follow-up (explained, unresolved, appealed as malicious). */
export function decideCloseFollowUp(command: CloseFollowUp, state: FollowUpState): ReviewFollowUpEvent[] {
  const f = requireFollowUp(state, command.followUpId);
  requireOpen(f, 'closing the follow-up');
  return [
    followUpEvent('ReviewFollowUpClosed', {
      ...followUpKeys(f),
      outcome: command.outcome,
      note: command.note,
      closedBy: command.closedBy,
      withinDeadline: !isAfter(command.at, f.deadlines.resolution.dueAt),
      basedOn: [],
      closedAt: command.at,
    }),
  ];
}

/** The buyer's upward revision closes an open follow-up as revised; a closed one (or none) stays as it is. */
export function decideCloseOnRevision(command: CloseFollowUpOnRevision, state: FollowUpState): ReviewFollowUpEvent[] {
  if (state === null || state.status !== 'open') return [];
  return [
    followUpEvent('ReviewFollowUpClosed', {
      ...followUpKeys(state),
      outcome: 'revised',
      closedBy: 'system',
      withinDeadline: !isAfter(command.at, state.deadlines.resolution.dueAt),
      basedOn: [command.basedOn],
      closedAt: command.at,
    }),
  ];
}
