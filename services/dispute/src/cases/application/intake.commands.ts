import { createHash } from 'node:crypto';
import type { DisputeCategory } from '@aftersales/contracts';
import { illegalTransition, notFound, readFedView, type CommandContext } from '@aftersales/kernel';
import { DisputeRules, type DisputeState } from '../domain';
import {
  DISPUTE_OPEN_CASES_COLLECTION,
  DISPUTE_ORDER_FACTS,
  DISPUTES_COLLECTION,
  openCasesKeyOf,
  type DisputeCaseDocument,
  type DisputeOpenCasesDoc,
  type DisputeOrderFactsDoc,
} from '../projections';
import type { CaseDeps, OpenDisputeInput } from './cases.types';
import { disputeStreamId, runDisputeCommand, type DisputeCommandResult } from './dispute-handler';
import { partyOf } from './dispute-actors';

/**
 * The id of the n-th case of an order and category: `dsp_` and a hash. Opening a case takes the first n whose stream
 * is empty, appending with "no stream" expected, so two intakes racing for the same order and category meet on the
 * same stream and the second is refused there; that also makes the rule hold without any read model.
 */
export const caseIdOf = (orderId: string, category: DisputeCategory, n: number): string =>
  `dsp_${createHash('sha256').update(`${orderId}|${category}|${n}`).digest('hex').slice(0, 24)}`;

const ended = (state: DisputeState) => state !== null && (state.status === 'resolved' || state.status === 'closed');

/** The buyer (own order) or a shop agent opens a case on the order's facts, as the order topic told them. */
export async function openDispute(deps: CaseDeps, input: OpenDisputeInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  const facts = await orderFactsOf(deps, input.orderId);
  if (!facts) throw notFound('order', input.orderId);
  const target = await nextCaseOf(deps, input.orderId, input.category);
  if (!target.openBefore) await refuseIfEscalatedCaseOpen(deps, input);
  const byBuyer = partyOf(ctx.actor) === 'buyer';
  return runDisputeCommand(
    deps.handler,
    'OpenDispute',
    target.disputeId,
    {
      order: { orderId: facts.orderId, shopId: facts.shopId, buyerId: facts.buyerId, currency: facts.currency, paidAmount: facts.paidAmount },
      origin: byBuyer ? 'buyer_complaint' : 'agent_initiated',
      category: input.category,
      description: input.description,
      refundId: input.refundId,
      evidence: input.evidence ?? [],
      openedBy: ctx.actor.id,
      basedOn: facts.sourceEventIds,
    },
    ctx,
  );
}

/**
 * The stream a new case of the order and category goes to: the first free one; or, when the last one is still open,
 * that one (where the intake is refused as a second open case, or replayed when its Idempotency-Key opened it).
 */
async function nextCaseOf(deps: CaseDeps, orderId: string, category: DisputeCategory): Promise<{ disputeId: string; openBefore: boolean }> {
  for (let n = 1; ; n++) {
    const disputeId = caseIdOf(orderId, category, n);
    const { state } = await deps.handler.load(disputeStreamId(disputeId));
    if (state === null) return { disputeId, openBefore: false };
    if (!ended(state)) return { disputeId, openBefore: true };
  }
}

/** A case the refund service opened (under its own id) counts as the open case of its category too. */
async function refuseIfEscalatedCaseOpen(deps: CaseDeps, input: OpenDisputeInput): Promise<void> {
  const open = await deps.platform.readModels.get<DisputeOpenCasesDoc>(DISPUTE_OPEN_CASES_COLLECTION, openCasesKeyOf(input.orderId, input.category));
  const [openId] = open?.disputeIds ?? [];
  if (!openId) return;
  const openCase = await deps.platform.readModels.get<DisputeCaseDocument>(DISPUTES_COLLECTION, openId);
  const status = openCase?.status ?? 'open';
  throw illegalTransition(`opening a second ${input.category} case on order ${input.orderId} (${openId} is open)`, status, DisputeRules.openCaseExists);
}

export function orderFactsOf(deps: CaseDeps, orderId: string): Promise<DisputeOrderFactsDoc | undefined> {
  const read = () => deps.platform.readModels.get<DisputeOrderFactsDoc>(DISPUTE_ORDER_FACTS, orderId);
  return readFedView(read, (doc) => doc !== undefined, () => deps.orderFeedLag(), deps.waitOptions);
}
