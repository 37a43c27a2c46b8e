import type { FollowUpChannel, FollowUpRemedyKind } from '@aftersales/contracts';
import type { Platform, ServiceLog, WaitOptions } from '@aftersales/kernel';
import type { FollowUpCommandHandler } from './follow-up-handler';

export interface FollowUpDeps {
  handler: FollowUpCommandHandler;
  platform: Platform;
  log: ServiceLog;
  waitOptions: WaitOptions;
}

export interface ContactInput {
  channel: FollowUpChannel;
  note: string;
}

export interface RemedyInput {
  kind: FollowUpRemedyKind;
  amount?: number;
  note: string;
}

export interface RemedyDecisionInput {
  decision: 'approved' | 'rejected';
  reason?: string;
}

export interface ClosureInput {
  outcome: 'explained' | 'unresolved' | 'appealed';
  note?: string;
}

export interface ListFollowUpsQuery {
  shopIds?: readonly string[];
  buyerId?: string;
  /** Only this order's follow-ups (one page: an order has one review, so at most one follow-up). */
  orderId?: string;
  status?: 'open' | 'contacted' | 'closed';
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}
