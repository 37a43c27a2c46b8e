import type { WorkItem } from './work-item';
import { earliest } from './work-item';
import { subjectId, text, type SubjectState, type WorkEvent, type WorkSource } from './work-source';

/** A deadline of the case as its events set it; `breached` once a breach event recorded that it passed. */
export interface CaseDeadline {
  dueAt: string;
  breached: boolean;
}

/** An evidence request to the merchant, until it is answered or the case ends. */
export interface MerchantEvidenceRequest {
  requestId: string;
  status: 'requested' | 'overdue';
  dueAt: string;
}

/** A remedy above the rulebook's threshold, waiting for a supervisor's approval. */
export interface RemedyAwaitingApproval {
  remedyId: string;
  proposedAt: string;
}

/** An open case and what of it waits on the shop. */
export interface CaseWork extends SubjectState {
  disputeId: string;
  orderId: string;
  shopId: string;
  status: string;
  assigneeId?: string;
  /** By metric (first_response, resolution): the deadlines that run on the shop now. */
  deadlines: Record<string, CaseDeadline>;
  evidence: MerchantEvidenceRequest[];
  /** Absent in subjects remembered before remedies were queued. */
  remedies?: RemedyAwaitingApproval[];
}

/** Deadlines that run on the shop (awaiting_buyer waits on the buyer; evidence is the evidence request's own item). */
const SHOP_METRICS = new Set(['first_response', 'resolution']);
const ENDED = new Set(['resolved', 'closed']);

const CASE_EVENTS = [
  'DisputeOpened',
  'DisputeAssigned',
  'DisputeStatusChanged',
  'DisputeDeadlineSet',
  'DisputeDeadlineCleared',
  'DisputeSlaBreached',
  'DisputeEvidenceRequested',
  'DisputeEvidenceSubmitted',
  'DisputeEvidenceOverdue',
  'DisputeRemedyProposed',
  'DisputeRemedyApproved',
  'DisputeRemedyRejected',
  'DisputeResolved',
  'DisputeClosed',
] as const;

/**
 * Cases from intake until resolved or closed, due at their earliest running shop deadline (first response,
 * resolution), overdue once `DisputeSlaBreached` recorded a breach of one still running; and the evidence requests to
 * the merchant, due at their own deadline, overdue from `DisputeEvidenceOverdue` (or the evidence breach) on; and the
 * remedies above the approval threshold until a supervisor approves or refuses them (no deadline: due from their
 * proposal, oldest first, never overdue). Status follows `DisputeStatusChanged`, so the decider's rules are not
 * repeated here.
 */
export const disputeWork: WorkSource<CaseWork> = {
  name: 'dispute',
  service: 'dispute',
  eventTypes: CASE_EVENTS,
  subjectOf: (event) => {
    const disputeId = text(event.data, 'disputeId');
    return disputeId ? subjectId('dispute', disputeId) : undefined;
  },
  evolve(state, event) {
    if (event.type === 'DisputeOpened') return opened(event);
    if (!state) return undefined;
    const next = evolveCase(state, event);
    return next && ENDED.has(next.status) ? undefined : next;
  },
  itemsOf(state): WorkItem[] {
    const running = Object.entries(state.deadlines).filter(([metric]) => SHOP_METRICS.has(metric));
    const assignee = state.assigneeId ? { assigneeId: state.assigneeId } : {};
    const { orderId, shopId, disputeId } = state;
    const caseItem: WorkItem = {
      kind: 'dispute',
      id: disputeId,
      orderId,
      shopId,
      status: state.status,
      dueAt: earliest(running.map(([, deadline]) => deadline.dueAt)),
      overdue: running.some(([, deadline]) => deadline.breached),
      ...assignee,
    };
    const requests = state.evidence.map(
      (request): WorkItem => ({
        kind: 'evidence_request',
        id: request.requestId,
        disputeId,
        orderId,
        shopId,
        status: request.status,
        dueAt: request.dueAt,
        overdue: request.status === 'overdue',
        ...assignee,
      }),
    );
    const approvals = (state.remedies ?? []).map(
      (remedy): WorkItem => ({
        kind: 'remedy_approval',
        id: remedy.remedyId,
        disputeId,
        orderId,
        shopId,
        status: 'awaiting_approval',
        dueAt: remedy.proposedAt,
        overdue: false,
        ...assignee,
      }),
    );
    return [caseItem, ...requests, ...approvals];
  },
};

function opened({ data }: WorkEvent): CaseWork {
  const assigneeId = text(data, 'assigneeId');
  return {
    id: subjectId('dispute', String(data.disputeId)),
    disputeId: String(data.disputeId),
    orderId: String(data.orderId),
    shopId: String(data.shopId),
    status: text(data, 'status') ?? 'open',
    ...(assigneeId ? { assigneeId } : {}),
    deadlines: {},
    evidence: [],
    remedies: [],
  };
}

function evolveCase(state: CaseWork, { type, data }: WorkEvent): CaseWork {
  const metric = text(data, 'metric');
  const requestId = text(data, 'requestId');
  const isEvidence = metric === 'evidence' || (metric === undefined && requestId !== undefined);
  switch (type) {
    case 'DisputeAssigned':
      return { ...state, assigneeId: String(data.assigneeId) };
    case 'DisputeStatusChanged':
      return { ...state, status: String(data.to) };
    case 'DisputeResolved':
      return { ...state, status: 'resolved' };
    case 'DisputeClosed':
      return { ...state, status: 'closed' };
    case 'DisputeDeadlineSet':
      if (isEvidence) return withRequest(state, requestId, (request) => ({ ...request, dueAt: String(data.dueAt) }));
      return { ...state, deadlines: { ...state.deadlines, [String(metric)]: { dueAt: String(data.dueAt), breached: false } } };
    case 'DisputeDeadlineCleared':
      if (isEvidence) return state; // the submission (or the case's end) takes the request off the queue
      return { ...state, deadlines: withoutKey(state.deadlines, String(metric)) };
    case 'DisputeSlaBreached': {
      if (isEvidence) return withRequest(state, requestId, (request) => ({ ...request, status: 'overdue' }));
      const dueAt = state.deadlines[String(metric)]?.dueAt ?? String(data.dueAt);
      return { ...state, deadlines: { ...state.deadlines, [String(metric)]: { dueAt, breached: true } } };
    }
    case 'DisputeEvidenceRequested': {
      if (data.party !== 'merchant' || !requestId) return state;
      const dueAt = text(data, 'dueAt') ?? String(data.dueBy);
      return { ...state, evidence: [...state.evidence.filter((r) => r.requestId !== requestId), { requestId, status: 'requested', dueAt }] };
    }
    case 'DisputeEvidenceSubmitted':
      return { ...state, evidence: state.evidence.filter((request) => request.requestId !== requestId) };
    case 'DisputeEvidenceOverdue':
      return withRequest(state, requestId, (request) => ({ ...request, status: 'overdue' }));
    case 'DisputeRemedyProposed': {
      const remedyId = text(data, 'remedyId');
      if (data.requiresSupervisorApproval !== true || !remedyId) return state;
      return { ...state, remedies: [...withoutRemedy(state, remedyId), { remedyId, proposedAt: String(data.proposedAt) }] };
    }
    case 'DisputeRemedyApproved':
    case 'DisputeRemedyRejected':
      return { ...state, remedies: withoutRemedy(state, text(data, 'remedyId')) };
    default:
      return state;
  }
}

function withRequest(state: CaseWork, requestId: string | undefined, change: (request: MerchantEvidenceRequest) => MerchantEvidenceRequest): CaseWork {
  return { ...state, evidence: state.evidence.map((request) => (request.requestId === requestId ? change(request) : request)) };
}

const withoutRemedy = (state: CaseWork, remedyId: string | undefined): RemedyAwaitingApproval[] =>
  (state.remedies ?? []).filter((remedy) => remedy.remedyId !== remedyId);

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
