import type { DisputeCaseEvent } from '@aftersales/contracts';
import type { DisputeCase, DisputeState, EvidenceRequestState, RemedyState } from './dispute-state';

const updateRemedy = (c: DisputeCase, remedyId: string, patch: Partial<RemedyState>): DisputeCase => ({
  ...c,
  remedies: c.remedies.map((r) => (r.id === remedyId ? { ...r, ...patch } : r)),
});

const updateRequest = (c: DisputeCase, requestId: string, patch: Partial<EvidenceRequestState>): DisputeCase => ({
  ...c,
  evidenceRequests: c.evidenceRequests.map((r) => (r.id === requestId ? { ...r, ...patch } : r)),
});

/** Folds one case event into the state; events of other versions are read through the aggregate's upcast first. */
export function evolveDispute(state: DisputeState, event: DisputeCaseEvent): DisputeState {
  if (event.type === 'DisputeOpened') {
    const d = event.data;
    return {
      id: d.disputeId,
      orderId: d.orderId,
      shopId: d.shopId,
      buyerId: d.buyerId,
      origin: d.origin,
      category: d.category,
      status: d.status,
      refundId: d.refundId,
      currency: d.currency,
      paidAmount: d.paidAmount ?? d.claimedAmount,
      openedAt: d.openedAt,
      firstResponseMet: false,
      deadlines: {},
      slaBreaches: [],
      evidenceRequests: [],
      remedies: [],
      messageCount: 0,
      rulings: 0,
    };
  }
  if (state === null) return state;
  const c = state;
  switch (event.type) {
    case 'DisputeStatusChanged': {
      const d = event.data;
      if (d.to === 'awaiting_buyer') return { ...c, status: d.to, pausedSince: d.at };
      return { ...c, status: d.to, pausedSince: c.status === 'awaiting_buyer' ? undefined : c.pausedSince };
    }
    case 'DisputeDeadlineSet': {
      const { metric, dueAt, ruleId, rulebookVersion, requestId } = event.data;
      if (metric === 'evidence') return requestId ? updateRequest(c, requestId, { dueAt, ruleId, rulebookVersion }) : c;
      const pausedResolution = metric === 'resolution' ? undefined : c.pausedResolution;
      return { ...c, pausedResolution, deadlines: { ...c.deadlines, [metric]: { dueAt, ruleId, rulebookVersion } } };
    }
    case 'DisputeDeadlineCleared': {
      const { metric, reason } = event.data;
      if (metric === 'evidence') return c;
      const deadlines = { ...c.deadlines };
      const paused = metric === 'resolution' && reason === 'paused' ? deadlines.resolution : undefined;
      delete deadlines[metric];
      return {
        ...c,
        deadlines,
        pausedResolution: paused ?? (metric === 'resolution' ? undefined : c.pausedResolution),
        firstResponseMet: c.firstResponseMet || (metric === 'first_response' && reason === 'met'),
      };
    }
    case 'DisputeSlaBreached': {
      const { metric, requestId, dueAt, breachedAt } = event.data;
      const deadlines = { ...c.deadlines };
      if (metric !== 'evidence') delete deadlines[metric];
      return { ...c, deadlines, slaBreaches: [...c.slaBreaches, { metric, requestId, dueAt, at: breachedAt }] };
    }
    case 'DisputeAssigned':
      return { ...c, assigneeId: event.data.assigneeId };
    case 'DisputeMessagePosted': {
      const d = event.data;
      const shopToBuyer = d.authorParty === 'merchant' && d.visibility === 'parties';
      return { ...c, messageCount: c.messageCount + 1, firstResponseMet: c.firstResponseMet || shopToBuyer };
    }
    case 'DisputeEscalated':
      return c;
    case 'DisputeRemedyProposed': {
      const d = event.data;
      const remedy: RemedyState = {
        id: d.remedyId,
        kind: d.kind,
        amount: d.amount,
        description: d.description,
        requiresSupervisorApproval: d.requiresSupervisorApproval,
        status: d.requiresSupervisorApproval ? 'awaiting_approval' : 'proposed',
      };
      return { ...c, remedies: [...c.remedies, remedy] };
    }
    case 'DisputeRemedyApproved':
      return updateRemedy(c, event.data.remedyId, { status: 'proposed' });
    case 'DisputeRemedyRejected':
      return updateRemedy(c, event.data.remedyId, { status: 'rejected' });
    case 'DisputeRemedyAccepted':
      return updateRemedy(c, event.data.remedyId, { status: 'accepted' });
    case 'DisputeRemedyDeclined':
      return updateRemedy(c, event.data.remedyId, { status: 'declined' });
    case 'DisputeEvidenceRequested': {
      const d = event.data;
      const request: EvidenceRequestState = {
        id: d.requestId,
        party: d.party,
        description: d.description,
        dueAt: d.dueBy,
        ruleId: d.ruleId,
        rulebookVersion: d.rulebookVersion,
        overdue: false,
      };
      return { ...c, evidenceRequests: [...c.evidenceRequests, request] };
    }
    case 'DisputeEvidenceSubmitted':
      return updateRequest(c, event.data.requestId, { submittedAt: event.data.submittedAt });
    case 'DisputeEvidenceOverdue':
      return updateRequest(c, event.data.requestId, { overdue: true });
    case 'DisputeRuled': {
      const d = event.data;
      return {
        ...c,
        rulings: c.rulings + 1,
        ruling: {
          id: d.rulingId,
          outcome: d.outcome,
          refundAmount: d.refundAmount,
          violation: d.violation,
          ruledAt: d.ruledAt,
          appealBy: d.appealBy,
          onAppeal: d.onAppeal,
        },
      };
    }
    case 'DisputeAppealed':
      return { ...c, appeal: { party: event.data.party, appealedAt: event.data.appealedAt, rulingId: event.data.rulingId } };
    case 'DisputeResolved':
      return c;
    case 'DisputeFollowedUp':
      return { ...c, satisfaction: event.data.satisfaction };
    case 'DisputeClosed':
      return c;
    default:
      return c;
  }
}
