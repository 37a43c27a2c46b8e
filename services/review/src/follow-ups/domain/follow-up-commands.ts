import type { FollowUpChannel, FollowUpMetric, FollowUpRemedyKind, ReviewRating } from '@aftersales/contracts';

/** A neutral or negative review was published: open its follow-up. */
export interface OpenFollowUp {
  type: 'OpenFollowUp';
  followUpId: string;
  reviewId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  rating: ReviewRating;
  /** The review event (posted, or published by the platform) that opens it. */
  basedOn: string;
  at: string;
}

/** A deadline's timer fired. */
export interface CheckFollowUpDeadline {
  type: 'CheckFollowUpDeadline';
  followUpId: string;
  metric: FollowUpMetric;
  at: string;
}

export interface ContactBuyer {
  type: 'ContactBuyer';
  followUpId: string;
  agentId: string;
  channel: FollowUpChannel;
  note: string;
  at: string;
}

export interface ProposeFollowUpRemedy {
  type: 'ProposeFollowUpRemedy';
  followUpId: string;
  kind: FollowUpRemedyKind;
  amount?: number;
  note: string;
  proposedBy: string;
  /** Events the grant is based on when it is granted at once (the follow-up's opening). */
  basedOn: string[];
  at: string;
}

export interface ApproveFollowUpRemedy {
  type: 'ApproveFollowUpRemedy';
  followUpId: string;
  remedyId: string;
  approverId: string;
  /** The opening and the proposal the grant is based on. */
  basedOn: string[];
  at: string;
}

export interface RejectFollowUpRemedy {
  type: 'RejectFollowUpRemedy';
  followUpId: string;
  remedyId: string;
  approverId: string;
  reason: string;
  at: string;
}

export interface CloseFollowUp {
  type: 'CloseFollowUp';
  followUpId: string;
  outcome: 'explained' | 'unresolved' | 'appealed';
  note?: string;
  closedBy: string;
  at: string;
}

/** The buyer revised the review upwards: the follow-up closes as revised. */
export interface CloseFollowUpOnRevision {
  type: 'CloseFollowUpOnRevision';
  followUpId: string;
  /** The ReviewRevised event. */
  basedOn: string;
  at: string;
}

/** The refund service refused to pay a granted partial refund (FollowUpRefundRefused): the order could not refund that much. */
export interface RecordRemedyRefused {
  type: 'RecordRemedyRefused';
  followUpId: string;
  remedyId: string;
  refundId: string;
  amount: number;
  refundable: number;
  currency: string;
  ruleId: string;
  explanation: string;
  /** The FollowUpRefundRefused event. */
  basedOn: string;
  at: string;
}

/** The refund service paid a granted partial refund (RefundFollowUpResolved). */
export interface RecordRemedyPaid {
  type: 'RecordRemedyPaid';
  followUpId: string;
  remedyId: string;
  refundId: string;
  amount: number;
  currency: string;
  /** The RefundFollowUpResolved event. */
  basedOn: string;
  at: string;
}

export type FollowUpCommand =
  | OpenFollowUp
  | CheckFollowUpDeadline
  | ContactBuyer
  | ProposeFollowUpRemedy
  | ApproveFollowUpRemedy
  | RejectFollowUpRemedy
  | CloseFollowUp
  | CloseFollowUpOnRevision
  | RecordRemedyRefused
  | RecordRemedyPaid;
