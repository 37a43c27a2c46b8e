import type { DisputeCategory, DisputeEscalationTarget, DisputeMessageVisibility, DisputeRulingOutcome, Evidence, RemedyKind, ViolationType } from '@aftersales/contracts';
import type { Page, Platform, ServiceLog, WaitOptions } from '@aftersales/kernel';
import type { DisputeCommandHandler } from './dispute-handler';

/** What the case use cases run on; each takes the part it needs. */
export interface CaseDeps {
  handler: DisputeCommandHandler;
  platform: Platform;
  log: ServiceLog;
  /** How long to wait (bounded) for the order facts the order topic feeds. */
  waitOptions: WaitOptions;
  /** How far group `dispute` is behind the order topic (0: the order facts have everything). */
  orderFeedLag(): Promise<number>;
}

export interface OpenDisputeInput {
  orderId: string;
  category: DisputeCategory;
  description: string;
  refundId?: string;
  evidence?: Evidence[];
}

export interface MessageInput {
  text: string;
  visibility?: DisputeMessageVisibility;
  awaitingReply?: boolean;
}

export interface RemedyInput {
  kind: RemedyKind;
  amount?: number;
  description: string;
}

export interface EscalationInput {
  to: DisputeEscalationTarget;
  reason: string;
}

export interface EvidenceRequestInput {
  party: 'buyer' | 'merchant';
  description: string;
  dueInHours?: number;
}

export interface EvidenceInput {
  requestId: string;
  items: Evidence[];
  note?: string;
}

export interface RulingInput {
  outcome: DisputeRulingOutcome;
  refundAmount?: number;
  compensation?: { kind: RemedyKind };
  violation?: ViolationType;
  reason: string;
}

export interface AppealInput {
  reason: string;
  evidence?: Evidence[];
}

export interface FollowUpInput {
  satisfaction: number;
  comment?: string;
}

export interface ListCasesQuery {
  status?: string;
  shopIds?: readonly string[];
  buyerId?: string;
  assigneeId?: string;
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

export type CasePage<T> = Page<T>;
