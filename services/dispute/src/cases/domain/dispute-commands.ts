import type {
  DisputeCategory,
  DisputeEscalationTarget,
  DisputeMessageVisibility,
  DisputeOrigin,
  DisputeParty,
  DisputeRulingOutcome,
  DisputeSlaMetric,
  Evidence,
  RemedyKind,
  ViolationType,
} from '@aftersales/contracts';

/** Every command names its case and carries `at`, the business time it happens at (from the clock port). */
export interface DisputeCommandBase<T extends string> {
  type: T;
  disputeId: string;
  at: string;
}

/** Who acts on a case, as the application resolved it from the caller. */
export interface CaseActor {
  id: string;
  /** The side the actor speaks for: the buyer, the shop's staff, or the platform. */
  party: 'buyer' | 'merchant' | 'platform';
}

/** The order facts a case opens on (from the order events the service consumes, or the escalated refund). */
export interface CaseOrderFacts {
  orderId: string;
  shopId: string;
  buyerId: string;
  currency: string;
  paidAmount?: number;
}

export interface OpenDispute extends DisputeCommandBase<'OpenDispute'> {
  order: CaseOrderFacts;
  origin: DisputeOrigin;
  category: DisputeCategory;
  description: string;
  refundId?: string;
  claimedAmount?: number;
  evidence: Evidence[];
  openedBy: string;
  /** Ids of the events the intake rests on (the order's placement and payment, or the refund's escalation). */
  basedOn: string[];
}

export interface AssignDispute extends DisputeCommandBase<'AssignDispute'> {
  assigneeId: string;
  assignedBy: string;
}

export interface PostMessage extends DisputeCommandBase<'PostMessage'> {
  author: CaseActor;
  text: string;
  visibility: DisputeMessageVisibility;
  awaitingReply: boolean;
}

export interface EscalateDispute extends DisputeCommandBase<'EscalateDispute'> {
  to: DisputeEscalationTarget;
  reason: string;
  escalatedBy: string;
  party: DisputeParty;
}

export interface ProposeRemedy extends DisputeCommandBase<'ProposeRemedy'> {
  kind: RemedyKind;
  amount?: number;
  description: string;
  proposedBy: string;
}

export interface ApproveRemedy extends DisputeCommandBase<'ApproveRemedy'> {
  remedyId: string;
  approverId: string;
}

export interface RejectRemedy extends DisputeCommandBase<'RejectRemedy'> {
  remedyId: string;
  approverId: string;
  reason: string;
}

export interface AcceptRemedy extends DisputeCommandBase<'AcceptRemedy'> {
  remedyId: string;
  acceptedBy: string;
}

export interface DeclineRemedy extends DisputeCommandBase<'DeclineRemedy'> {
  remedyId: string;
  reason?: string;
  declinedBy: string;
}

export interface RequestEvidence extends DisputeCommandBase<'RequestEvidence'> {
  party: DisputeParty;
  description: string;
  /** Hours the party has; the rulebook default when absent. */
  dueInHours?: number;
  requestedBy: string;
}

export interface SubmitEvidence extends DisputeCommandBase<'SubmitEvidence'> {
  requestId: string;
  party: DisputeParty;
  evidence: Evidence[];
  note?: string;
  submittedBy: string;
}

export interface RuleDispute extends DisputeCommandBase<'RuleDispute'> {
  outcome: DisputeRulingOutcome;
  refundAmount?: number;
  compensation?: { kind: RemedyKind };
  violation?: ViolationType;
  reason: string;
  ruledBy: string;
  /** Ids of the case events the ruling rests on (intake, evidence, appeal), read by the application. */
  basedOn: string[];
}

export interface AppealRuling extends DisputeCommandBase<'AppealRuling'> {
  party: DisputeParty;
  reason: string;
  evidence: Evidence[];
  appealedBy: string;
}

export interface FollowUpDispute extends DisputeCommandBase<'FollowUpDispute'> {
  satisfaction: number;
  comment?: string;
  agentId: string;
}

/** Timer: a deadline of the case falls due (a breach when it still runs; closing when the buyer never answered). */
export interface CheckDeadline extends DisputeCommandBase<'CheckDeadline'> {
  metric: DisputeSlaMetric;
  requestId?: string;
}

/** Timer: the appeal window of a ruling passed; the ruling is final. */
export interface FinalizeRuling extends DisputeCommandBase<'FinalizeRuling'> {
  rulingId: string;
}

export type DisputeTimerCommand = CheckDeadline | FinalizeRuling;
export const disputeTimerCommandTypes: readonly DisputeTimerCommand['type'][] = ['CheckDeadline', 'FinalizeRuling'];

export type DisputeCommand =
  | OpenDispute
  | AssignDispute
  | PostMessage
  | EscalateDispute
  | ProposeRemedy
  | ApproveRemedy
  | RejectRemedy
  | AcceptRemedy
  | DeclineRemedy
  | RequestEvidence
  | SubmitEvidence
  | RuleDispute
  | AppealRuling
  | FollowUpDispute
  | DisputeTimerCommand;
