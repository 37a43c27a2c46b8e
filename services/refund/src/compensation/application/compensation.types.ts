import type { EventEnvelope, RefundItem, Rulebook } from '@aftersales/contracts';
import type { CommandContext, CommandResult, ServiceLog, ServiceRuntime, WaitOptions } from '@aftersales/kernel';
import type { Payouts } from '../../payouts/domain';
import type { CompensationState } from '../domain';
import type { CompensationView } from '../projections/compensation.document';

export type CompensationCommandResult = CommandResult<CompensationState>;

/** POST /compensations: an agent asks for a compensation; rule-computed kinds name lines, goodwill names an amount. */
export interface ProposeCompensationInput {
  orderId: string;
  kind: 'counterfeit' | 'not_as_described' | 'out_of_stock' | 'goodwill';
  items?: RefundItem[];
  amount?: number;
  refundId?: string;
  disputeId?: string;
  note?: string;
}

/** GET /compensations: the filters the caller's scope leaves (one shop at most). */
export interface CompensationListQuery {
  status?: string;
  shopId?: string;
  orderId?: string;
  buyerId?: string;
  limit?: number;
  cursor?: string;
}

export type CompensationReactionOutcome =
  | { outcome: 'applied'; eventIds: string[]; replayed: boolean }
  | { outcome: 'ignored' }
  | { outcome: 'refused'; code: string; message: string };

export interface CompensationService {
  propose(input: ProposeCompensationInput, ctx: CommandContext): Promise<CompensationCommandResult>;
  approve(compensationId: string, input: { note?: string }, ctx: CommandContext): Promise<CompensationCommandResult>;
  reject(compensationId: string, input: { reason: string }, ctx: CommandContext): Promise<CompensationCommandResult>;
  getCompensation(compensationId: string): Promise<(CompensationView & { revision: number }) | undefined>;
  listForOrder(orderId: string): Promise<(CompensationView & { revision: number })[]>;
  /** Compensations by status, shop, order and buyer, a page at a time in id order (time-ordered ids: oldest first). */
  listCompensations(query: CompensationListQuery): Promise<{ items: (CompensationView & { revision: number })[]; nextCursor?: string }>;
  /** Whose order it is, from the compensation's order facts (the edge's ownership checks); undefined when unknown. */
  orderParties(orderId: string): Promise<{ buyerId?: string; shopId?: string } | undefined>;
  /** Whose compensation it is, from its stream; undefined for an unknown one. */
  compensationParties(compensationId: string): Promise<{ buyerId?: string; shopId?: string } | undefined>;
  /** Order topic, group `compensation`: a missed ship-by decides the late-shipment compensation, once per order. */
  onOrderEvent(event: EventEnvelope): Promise<CompensationReactionOutcome>;
  /** Refund topic, group `compensation`: pays out decided/approved compensations and records their payouts. */
  onRefundEvent(event: EventEnvelope): Promise<CompensationReactionOutcome>;
  /** Dispute topic, group `compensation`: accepted compensation remedies and rulings' compensations become decisions. */
  onDisputeEvent(event: EventEnvelope): Promise<CompensationReactionOutcome>;
  /** Review topic, group `compensation`: a goodwill credit granted in a bad-review follow-up becomes a decision. */
  onReviewEvent(event: EventEnvelope): Promise<CompensationReactionOutcome>;
  view(state: CompensationState): CompensationView;
  readonly runtime: ServiceRuntime;
}

export interface CompensationServiceDeps {
  payouts: Payouts;
  /** Rulebook new decisions use; default the current one. */
  rulebook?: Rulebook;
  newCompensationId?: (now: Date) => string;
  log?: ServiceLog;
  /** How long a case's remedy waits for the case's approval to be projected (default 15 s; tests in one process: none). */
  caseApprovalWait?: WaitOptions;
}
