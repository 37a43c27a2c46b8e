import type { DisputeCategory, DisputeOrigin, Evidence } from '@aftersales/contracts';

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

export type DisputeCommand = OpenDispute;
