import type { ReviewFollowUpEvent } from './follow-up-events';
import type { FollowUpRemedy, FollowUpState } from './follow-up-state';

const withRemedy = (remedies: FollowUpRemedy[], id: string, patch: Partial<FollowUpRemedy>): FollowUpRemedy[] =>
  remedies.map((r) => (r.id === id ? { ...r, ...patch } : r));

export function evolveFollowUp(state: FollowUpState, event: ReviewFollowUpEvent): FollowUpState {
  if (event.type === 'ReviewFollowUpOpened') {
    const d = event.data;
    return {
      id: d.followUpId,
      reviewId: d.reviewId,
      orderId: d.orderId,
      shopId: d.shopId,
      buyerId: d.buyerId,
      rating: d.rating,
      status: 'open',
      deadlines: {
        first_contact: { dueAt: d.deadlines.firstContactBy, ruleId: d.ruleIds.firstContact },
        resolution: { dueAt: d.deadlines.resolveBy, ruleId: d.ruleIds.resolution },
      },
      rulebookVersion: d.rulebookVersion,
      openedAt: d.openedAt,
      breaches: [],
      remedies: [],
    };
  }
  if (state === null) return state;
  switch (event.type) {
    case 'ReviewFollowUpSlaBreached':
      return { ...state, breaches: [...state.breaches, event.data.metric] };
    case 'ReviewFollowUpBuyerContacted':
      return { ...state, contactedAt: event.data.contactedAt };
    case 'ReviewFollowUpRemedyProposed': {
      const d = event.data;
      const remedy: FollowUpRemedy = {
        id: d.remedyId,
        kind: d.kind,
        amount: d.amount,
        currency: d.currency,
        note: d.note,
        status: d.requiresSupervisorApproval ? 'awaiting_approval' : 'granted',
        requiresSupervisorApproval: d.requiresSupervisorApproval,
        ruleId: d.ruleId,
        rulebookVersion: d.rulebookVersion,
        proposedBy: d.proposedBy,
        proposedAt: d.proposedAt,
      };
      return { ...state, remedies: [...state.remedies, remedy] };
    }
    case 'ReviewFollowUpRemedyApproved':
      return { ...state, remedies: withRemedy(state.remedies, event.data.remedyId, { approverId: event.data.approverId }) };
    case 'ReviewFollowUpRemedyRejected':
      return { ...state, remedies: withRemedy(state.remedies, event.data.remedyId, { status: 'rejected', approverId: event.data.approverId }) };
    case 'ReviewFollowUpRemedyGranted':
      return { ...state, remedies: withRemedy(state.remedies, event.data.remedyId, { status: 'granted' }) };
    case 'ReviewFollowUpRemedyRefused': {
      const { remedyId, refundId, refundable, explanation } = event.data;
      return { ...state, remedies: withRemedy(state.remedies, remedyId, { status: 'refused', refundId, refundable, explanation }) };
    }
    case 'ReviewFollowUpRemedyPaid':
      return { ...state, remedies: withRemedy(state.remedies, event.data.remedyId, { status: 'paid', refundId: event.data.refundId }) };
    case 'ReviewFollowUpClosed':
      return { ...state, status: 'closed', outcome: event.data.outcome, closedAt: event.data.closedAt };
  }
}
