import { randomBytes } from 'node:crypto';
import {
  compensationEvents,
  currentRulebook,
  type CompensationDecided,
  type EventEnvelope,
  type PayoutSucceeded,
  type RefundItem,
  type Rulebook,
} from '@aftersales/contracts';
import {
  CommandHandler,
  consumerCommandKey,
  DomainError,
  notFound,
  type CommandContext,
  type CommandResult,
  type Platform,
  type RecordedEvent,
  type ServiceRuntime,
} from '@aftersales/kernel';
import type { Payouts } from '../../payouts/domain';
import {
  calculateCompensation,
  compensationDecider,
  compensationPayoutId,
  compensationStreamId,
  foldOrderFacts,
  lateShipmentCompensationId,
  type CompensationClaim,
  type CompensationCommand,
  type CompensationState,
  type OrderFacts,
} from '../domain';
import { COMPENSATIONS_COLLECTION, compensationView, type CompensationView } from '../projections/compensation-view';
import { compensationsProjection, publicCompensation, type StoredCompensation } from '../projections/compensations.projection';
import { ORDER_FACTS_COLLECTION, orderFactsProjection, type OrderFactsDoc } from '../projections/order-facts.projection';

export const COMPENSATION_SERVICE = 'compensation';
/** Consumer group of the compensation reactions (order topic: missed ship-by; refund topic: payouts). */
export const COMPENSATION_GROUP = 'compensation';
export const COMPENSATION_ACTOR = { id: 'compensation', role: 'system' } as const;

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
  /** Order topic, group `compensation`: a missed ship-by decides the late-shipment compensation, once per order. */
  onOrderEvent(event: EventEnvelope): Promise<CompensationReactionOutcome>;
  /** Refund topic, group `compensation`: pays out decided/approved compensations and records their payouts. */
  onRefundEvent(event: EventEnvelope): Promise<CompensationReactionOutcome>;
  view(state: CompensationState): CompensationView;
  readonly runtime: ServiceRuntime;
}

export interface CompensationServiceDeps {
  payouts: Payouts;
  /** Rulebook new decisions use; default the current one. */
  rulebook?: Rulebook;
  newCompensationId?: (now: Date) => string;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

const schemaVersions = new Map(compensationEvents.map((d) => [d.type, d.version]));

export const newCompensationId = (now: Date): string => `cmp_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;

export function createCompensationService(platform: Platform, deps: CompensationServiceDeps): CompensationService {
  const handler = new CommandHandler(platform.eventStore, platform.clock, {
    decider: compensationDecider,
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
  const rulebook = deps.rulebook ?? currentRulebook();
  const makeId = deps.newCompensationId ?? newCompensationId;
  const log = deps.log ?? ((message, details) => console.warn(`[compensation] ${message}`, details ?? ''));
  const view = (state: CompensationState) => compensationView(state, compensationPayoutId);

  const run = (compensationId: string, command: (at: string) => CompensationCommand, ctx: CommandContext) =>
    handler.handle(compensationStreamId(compensationId), command, ctx);

  /** Records a decision computed at `at` from the facts; the calculator's refusal (422) stops the command. */
  const decide = (compensationId: string, claim: CompensationClaim, facts: OrderFacts, extra: Partial<CompensationDecided>, ctx: CommandContext) =>
    run(
      compensationId,
      (at) => {
        const { shopId, buyerId, ...calculation } = calculateCompensation(claim, facts, rulebook, at);
        const decision: CompensationDecided = { compensationId, orderId: facts.orderId, shopId, buyerId, ...calculation, ...extra, decidedAt: at };
        return { type: 'DecideCompensation', decision };
      },
      ctx,
    );

  async function propose(input: ProposeCompensationInput, ctx: CommandContext): Promise<CompensationCommandResult> {
    const doc = await platform.readModels.get<OrderFactsDoc>(ORDER_FACTS_COLLECTION, input.orderId);
    if (!doc) throw notFound('order', input.orderId);
    const { id: _id, revision: _revision, ...facts } = doc;
    const claim: CompensationClaim = input.kind === 'goodwill' ? { kind: 'goodwill', proposedAmount: input.amount ?? 0 } : { kind: input.kind, items: input.items };
    const extra = {
      ...(input.refundId ? { refundId: input.refundId } : {}),
      ...(input.disputeId ? { disputeId: input.disputeId } : {}),
      ...(input.note ? { note: input.note } : {}),
    };
    return decide(makeId(platform.clock.now()), claim, facts as OrderFacts, extra, ctx);
  }

  const reactionContext = (event: EventEnvelope): CommandContext => ({
    actor: { ...COMPENSATION_ACTOR },
    correlationId: event.correlationId,
    causationId: event.eventId,
    trace: event.trace,
    commandKey: consumerCommandKey(COMPENSATION_GROUP, event.eventId),
  });

  /** A refusal is final (a redelivery would be refused again): reported, not thrown. */
  const react = async (event: EventEnvelope, action: () => Promise<CompensationCommandResult | void>): Promise<CompensationReactionOutcome> => {
    try {
      const result = await action();
      return result ? { outcome: 'applied', eventIds: result.eventIds, replayed: result.replayed } : { outcome: 'applied', eventIds: [], replayed: false };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      log(`${event.type} ${event.eventId} refused: ${error.message}`, { code: error.code });
      return { outcome: 'refused', code: error.code, message: error.message };
    }
  };

  async function onOrderEvent(event: EventEnvelope): Promise<CompensationReactionOutcome> {
    if (event.type !== 'ShipByDeadlineMissed') return { outcome: 'ignored' };
    const facts = foldOrderFacts(undefined, event);
    if ((facts.missedShipBy?.paidAmount ?? 0) <= 0) return { outcome: 'ignored' }; // COD: nothing paid, nothing to compensate
    return react(event, () => decide(lateShipmentCompensationId(facts.orderId), { kind: 'late_shipment' }, facts, {}, reactionContext(event)));
  }

  /** The payout of a payable compensation; its content depends only on the compensation's log, so a redelivery asks for the same one. */
  async function requestPayout(compensationId: string, event: EventEnvelope): Promise<void> {
    const stream = await platform.eventStore.readStream(compensationStreamId(compensationId));
    const decided = stream.find((e) => e.type === 'CompensationDecided') as RecordedEvent<string, CompensationDecided> | undefined;
    if (!decided) throw notFound('compensation', compensationId);
    const approved = stream.find((e) => e.type === 'CompensationApproved');
    const d = decided.data;
    await deps.payouts.request(
      {
        payoutId: compensationPayoutId(compensationId),
        kind: 'compensation',
        orderId: d.orderId,
        shopId: d.shopId,
        buyerId: d.buyerId,
        amount: d.amount,
        currency: d.currency,
        compensationId,
        causedBy: [decided.eventId, ...(approved ? [approved.eventId] : [])],
      },
      { actor: { ...COMPENSATION_ACTOR }, correlationId: event.correlationId, causationId: event.eventId, trace: event.trace },
    );
  }

  async function onRefundEvent(event: EventEnvelope): Promise<CompensationReactionOutcome> {
    switch (event.type) {
      case 'CompensationDecided': {
        const d = event.data as CompensationDecided;
        if (d.requiresSupervisorApproval) return { outcome: 'ignored' };
        return react(event, () => requestPayout(d.compensationId, event));
      }
      case 'CompensationApproved':
        return react(event, () => requestPayout((event.data as { compensationId: string }).compensationId, event));
      case 'PayoutSucceeded': {
        const p = event.data as PayoutSucceeded;
        if (p.kind !== 'compensation' || !p.compensationId) return { outcome: 'ignored' };
        return react(event, () =>
          run(p.compensationId!, () => ({ type: 'RecordCompensationPaidOut', payoutId: p.payoutId, amount: p.amount, paidAt: p.paidAt }), reactionContext(event)),
        );
      }
      default:
        return { outcome: 'ignored' };
    }
  }

  async function listForOrder(orderId: string) {
    const all: (CompensationView & { revision: number })[] = [];
    let cursor: string | undefined;
    do {
      const page = await platform.readModels.find<StoredCompensation>(COMPENSATIONS_COLLECTION, { where: { orderId }, limit: 100, cursor });
      all.push(...page.items.map((doc) => publicCompensation(doc)!));
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  return {
    propose,
    approve: (id, input, ctx) =>
      run(id, (at) => ({ type: 'ApproveCompensation', compensationId: id, approverId: ctx.actor.id, approverRole: ctx.actor.role, ...(input.note ? { note: input.note } : {}), at }), ctx),
    reject: (id, input, ctx) => run(id, (at) => ({ type: 'RejectCompensation', compensationId: id, approverId: ctx.actor.id, approverRole: ctx.actor.role, reason: input.reason, at }), ctx),
    getCompensation: async (id) => publicCompensation(await platform.readModels.get<StoredCompensation>(COMPENSATIONS_COLLECTION, id)),
    listForOrder,
    onOrderEvent,
    onRefundEvent,
    view,
    runtime: {
      name: COMPENSATION_SERVICE,
      projections: [orderFactsProjection, compensationsProjection],
      timerPolicies: [],
      fireTimer: async (timer) => {
        throw new Error(`the compensation service has no timers (got ${timer.timerId})`);
      },
    },
  };
}
