import type {
  DisputeCategory,
  DisputeOrigin,
  DisputeParty,
  DisputeRulingOutcome,
  DisputeSlaMetric,
  DisputeStatus,
  RemedyKind,
  ViolationType,
} from '@aftersales/contracts';

/** A running deadline of the case, with the rule and rulebook version that set it. */
export interface CaseDeadline {
  dueAt: string;
  ruleId: string;
  rulebookVersion: string;
}

export type RunningDeadlines = Partial<Record<Exclude<DisputeSlaMetric, 'evidence'>, CaseDeadline>>;

export interface EvidenceRequestState {
  id: string;
  party: DisputeParty;
  description: string;
  dueAt: string;
  ruleId: string;
  rulebookVersion: string;
  submittedAt?: string;
  overdue: boolean;
}

export type RemedyStatus = 'awaiting_approval' | 'proposed' | 'rejected' | 'accepted' | 'declined';

export interface RemedyState {
  id: string;
  kind: RemedyKind;
  amount?: number;
  description: string;
  requiresSupervisorApproval: boolean;
  status: RemedyStatus;
}

export interface RulingState {
  id: string;
  outcome: DisputeRulingOutcome;
  refundAmount?: number;
  violation?: ViolationType;
  ruledAt: string;
  appealBy: string;
  onAppeal: boolean;
}

export interface AppealState {
  party: DisputeParty;
  appealedAt: string;
  rulingId: string;
}

export interface SlaBreach {
  metric: DisputeSlaMetric;
  requestId?: string;
  dueAt: string;
  at: string;
}

export interface DisputeCase {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  origin: DisputeOrigin;
  category: DisputeCategory;
  status: DisputeStatus;
  refundId?: string;
  currency: string;
  paidAmount?: number;
  assigneeId?: string;
  openedAt: string;
  /** The shop has written to the buyer: the first response is met. */
  firstResponseMet: boolean;
  deadlines: RunningDeadlines;
  /** While the case waits on the buyer, the resolution clock stands still since this instant. */
  pausedSince?: string;
  /** The resolution deadline as it stood when the clock was paused: a resume moves it by the paused time. */
  pausedResolution?: CaseDeadline;
  slaBreaches: SlaBreach[];
  evidenceRequests: EvidenceRequestState[];
  remedies: RemedyState[];
  messageCount: number;
  rulings: number;
  ruling?: RulingState;
  appeal?: AppealState;
  satisfaction?: number;
}

/** null until the case is opened. */
export type DisputeState = DisputeCase | null;

export const initialDisputeState: DisputeState = null;

/** Statuses in which nothing runs any more. */
export const ENDED_STATUSES: readonly DisputeStatus[] = ['resolved', 'closed'];
