import type {
  EventEnvelope,
  Evidence,
  RefundItem,
  RefundReason,
  RefundType,
  ReturnAddress,
  ReturnCondition,
  Rulebook,
} from '@aftersales/contracts';
import type { CommandContext, CommandResult, Page, RecordedEvent, ServiceRuntime } from '@aftersales/kernel';
import type { AllowanceState, RefundState } from '../domain';
import type { Payouts } from '../../payouts/domain';
import type { LogisticsPort } from './ports';
import type { RefundDocument } from '../projections/refund.document';

export type RefundCommandResult = CommandResult<RefundState>;

export interface RequestRefundInput {
  orderId: string;
  type: RefundType;
  reason: RefundReason;
  amount: number;
  items?: RefundItem[];
  description?: string;
  evidence?: Evidence[];
  /** What the buyer declares about the goods; the 7-day no-reason return needs them intact. */
  goodsCondition?: ReturnCondition;
}

export interface ReissueShipmentOutcome {
  refundId: string;
  orderId: string;
  shipmentId: string;
  carrier: string;
  trackingNo: string;
  /** Revision and events of the shipment stream the command wrote. */
  revision: number;
  eventIds: string[];
}

/** How a bus reaction ended; a refusal is final (a redelivery would be refused again), so it is logged, not thrown. */
export type RefundReactionOutcome =
  | { outcome: 'applied'; effects: string[] }
  | { outcome: 'ignored' }
  | { outcome: 'duplicate' }
  | { outcome: 'refused'; code: string; message: string };

export interface RefundsDependencies {
  logistics: LogisticsPort;
  payouts: Payouts;
}

export interface RefundsOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  newRefundId?: (now: Date) => string;
  /** Where buyers send goods back when the merchant never answered and the shop has no return address on file yet. */
  fallbackReturnAddress?: ReturnAddress;
  /** Longest wait for a read model to catch up (order facts, read your writes). Default 2000 ms. */
  consistencyTimeoutMs?: number;
  pollIntervalMs?: number;
  /** Real-time pause between polls of a read model (tests count it); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** The lag of the group that feeds `refund_order_facts` on the order topic; default the bus's (MessageBus.lag). */
  orderFeedLag?: () => Promise<number>;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

/** GET /refunds: the filters the caller's scope leaves (one shop at most). */
export interface RefundListQuery {
  status?: string;
  shopId?: string;
  buyerId?: string;
  limit?: number;
  cursor?: string;
}

/** The refund requests of the refund service (refund-<refundId> and the order allowances). */
export interface Refunds {
  requestRefund(input: RequestRefundInput, ctx: CommandContext): Promise<RefundCommandResult>;
  approveRefund(refundId: string, input: { returnAddress?: ReturnAddress }, ctx: CommandContext): Promise<RefundCommandResult>;
  rejectRefund(refundId: string, input: { reason: string; evidence?: Evidence[] }, ctx: CommandContext): Promise<RefundCommandResult>;
  shipReturn(refundId: string, input: { carrier: string; trackingNo: string }, ctx: CommandContext): Promise<RefundCommandResult>;
  confirmReturnReceipt(
    refundId: string,
    input: { condition: ReturnCondition; note?: string },
    ctx: CommandContext,
  ): Promise<RefundCommandResult>;
  cancelRefund(refundId: string, input: { reason?: string }, ctx: CommandContext): Promise<RefundCommandResult>;
  escalateRefund(
    refundId: string,
    input: { description: string; evidence?: Evidence[] },
    ctx: CommandContext,
  ): Promise<RefundCommandResult>;
  /** The merchant registers the reissue (补发) parcel: a shipment in logistics naming the refund. */
  shipReissue(refundId: string, input: { carrier: string; trackingNo: string }, ctx: CommandContext): Promise<ReissueShipmentOutcome>;
  /** For the dispute service: a platform ruling approves an escalated request. */
  approveByPlatformRuling(refundId: string, input: { returnAddress?: ReturnAddress }, ctx: CommandContext): Promise<RefundCommandResult>;
  /** The `refunds` read model document. */
  getRefund(refundId: string): Promise<RefundDocument | undefined>;
  /** Refunds by status, shop and buyer, ordered by the next deadline (those waiting on nothing last). */
  listRefunds(query: RefundListQuery): Promise<Page<RefundDocument & { nextDeadline?: string }>>;
  /** An order's refunds, oldest request first. */
  listRefundsByOrder(orderId: string, page?: { limit?: number; cursor?: string }): Promise<Page<RefundDocument>>;
  refundStream(refundId: string): Promise<RecordedEvent[]>;
  /** The order's refund allowance, folded from its stream (null before the payment is known). */
  allowanceOf(orderId: string): Promise<AllowanceState>;
  /** Whose order it is, as the order topic told this service (the edge's ownership checks); undefined when unknown. */
  orderParties(orderId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
  /** Whose refund it is, from its stream; undefined for an unknown refund. */
  refundParties(refundId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
  /** Group `refund` on the order topic: the order facts refund decisions read (paid amount, lines, delivery). */
  onOrderEvent(event: EventEnvelope): Promise<RefundReactionOutcome>;
  /** Group `refund` on the logistics topic: a reissue parcel dispatched fulfils its refund. */
  onLogisticsEvent(event: EventEnvelope): Promise<RefundReactionOutcome>;
  /** Group `refund` on the refund topic: the refund payout, the allowance settled or released, RefundPaid. */
  onRefundEvent(event: EventEnvelope): Promise<RefundReactionOutcome>;
  /** Group `refund` on the dispute topic: an accepted remedy or a ruling pays or ends the case's refunds. */
  onDisputeEvent(event: EventEnvelope): Promise<RefundReactionOutcome>;
  /** Group `refund` on the review topic: a partial refund granted in a bad-review follow-up is paid once, or refused beyond the cap. */
  onReviewEvent(event: EventEnvelope): Promise<RefundReactionOutcome>;
  readonly runtime: ServiceRuntime;
}
