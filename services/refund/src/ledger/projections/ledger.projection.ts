import type { CompensationApproved, CompensationDecided, CompensationPaidOut, PayoutSucceeded, RefundDisputeResolved, RefundFollowUpResolved, RefundPaid } from '@aftersales/contracts';
import type { Projection, RecordedEvent, UnitOfWork } from '@aftersales/kernel';
import { journalEntryFor, ledgerTime, type JournalEntry, type MoneyMovement } from '../domain/journal';
import type { ConfirmedPayout } from '../domain/reconcile';

export const LEDGER_ENTRIES = 'ledger_entries';
export const LEDGER_PAYOUTS = 'ledger_payouts';
/** What the ledger remembers of each compensation decision, to link its payout line to the decision's causes. */
export const LEDGER_DECISIONS = 'ledger_compensation_decisions';
/** The cause of each refund a case or a follow-up paid (RefundDisputeResolved, RefundFollowUpResolved), to name it on its line. */
export const LEDGER_REFUND_CAUSES = 'ledger_refund_causes';

export type LedgerEntryDoc = JournalEntry;
export type LedgerPayoutDoc = ConfirmedPayout & {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  refundId?: string;
  compensationId?: string;
  causedBy: string[];
  /** The journal entry that books it, once its owner recorded RefundPaid / CompensationPaidOut. */
  entryId?: string;
};
type DecisionDoc = {
  id: string;
  kind: string;
  decisionEventId: string;
  approvalEventId?: string;
  basedOn: string[];
  explanation: string;
  disputeId?: string;
  note?: string;
};
type RefundCauseDoc = {
  id: string;
  eventId: string;
  causeEventId: string;
  dispute?: NonNullable<MoneyMovement['dispute']>;
  followUp?: { followUpId: string; remedyId: string };
};

const types = new Set(['CompensationDecided', 'CompensationApproved', 'CompensationPaidOut', 'RefundPaid', 'PayoutSucceeded', 'RefundDisputeResolved', 'RefundFollowUpResolved']);

/**
 * The finance journal as a read model of every money movement: RefundPaid (buyer refunds), CompensationPaidOut
 * (funded from the shop's deposit) and PayoutSucceeded of kind return_shipping (reimbursement). Each entry links its
 * causing events and rule. Confirmed payouts are kept beside it for reconciliation.
 */
export const ledgerProjection: Projection = {
  name: 'ledger',
  collections: [LEDGER_ENTRIES, LEDGER_PAYOUTS, LEDGER_DECISIONS, LEDGER_REFUND_CAUSES],
  handles: (type) => types.has(type),
  async apply(event, uow) {
    switch (event.type) {
      case 'CompensationDecided':
        return rememberDecision(event as RecordedEvent<string, CompensationDecided>, uow);
      case 'CompensationApproved':
        return rememberApproval(event as RecordedEvent<string, CompensationApproved>, uow);
      case 'PayoutSucceeded':
        return onPayoutSucceeded(event as RecordedEvent<string, PayoutSucceeded>, uow);
      case 'CompensationPaidOut':
        return onCompensationPaidOut(event as RecordedEvent<string, CompensationPaidOut>, uow);
      case 'RefundPaid':
        return onRefundPaid(event as RecordedEvent<string, RefundPaid>, uow);
      case 'RefundDisputeResolved':
        return rememberRefundCause(event as RecordedEvent<string, RefundDisputeResolved>, uow);
      case 'RefundFollowUpResolved':
        return rememberFollowUpCause(event as RecordedEvent<string, RefundFollowUpResolved>, uow);
    }
  },
};

function rememberDecision(event: RecordedEvent<string, CompensationDecided>, uow: UnitOfWork): void {
  const d = event.data;
  const doc: DecisionDoc = { id: d.compensationId, kind: d.kind, decisionEventId: event.eventId, basedOn: d.basedOn, explanation: d.explanation };
  uow.put(LEDGER_DECISIONS, { ...doc, ...(d.disputeId ? { disputeId: d.disputeId } : {}), ...(d.note ? { note: d.note } : {}) });
}

function rememberRefundCause(event: RecordedEvent<string, RefundDisputeResolved>, uow: UnitOfWork): void {
  const { refundId, cause, outcome } = event.data;
  if (outcome !== 'paid') return;
  const dispute = { disputeId: cause.disputeId, ...(cause.remedyId ? { remedyId: cause.remedyId } : {}), ...(cause.rulingId ? { rulingId: cause.rulingId } : {}) };
  uow.put(LEDGER_REFUND_CAUSES, { id: refundId, eventId: event.eventId, dispute, causeEventId: cause.eventId } satisfies RefundCauseDoc);
}

function rememberFollowUpCause(event: RecordedEvent<string, RefundFollowUpResolved>, uow: UnitOfWork): void {
  const { refundId, cause } = event.data;
  const followUp = { followUpId: cause.followUpId, remedyId: cause.remedyId };
  uow.put(LEDGER_REFUND_CAUSES, { id: refundId, eventId: event.eventId, followUp, causeEventId: cause.eventId } satisfies RefundCauseDoc);
}

/** How a line names its cause: `case dsp_1, remedy rm-1` or `review follow-up rfu_1, remedy rem-1`. */
const causeOf = (cause: RefundCauseDoc): string =>
  cause.dispute ? caseOf(cause.dispute) : cause.followUp ? `review follow-up ${cause.followUp.followUpId}, remedy ${cause.followUp.remedyId}` : '';

/** How a line names its case: `case dsp_1, remedy rm-1`. */
const caseOf = (dispute: NonNullable<MoneyMovement['dispute']>): string =>
  `case ${dispute.disputeId}${dispute.remedyId ? `, remedy ${dispute.remedyId}` : ''}${dispute.rulingId ? `, ruling ${dispute.rulingId}` : ''}`;

async function rememberApproval(event: RecordedEvent<string, CompensationApproved>, uow: UnitOfWork): Promise<void> {
  const decision = await uow.get<DecisionDoc>(LEDGER_DECISIONS, event.data.compensationId);
  if (decision) uow.put(LEDGER_DECISIONS, { ...decision, approvalEventId: event.eventId });
}

async function onPayoutSucceeded(event: RecordedEvent<string, PayoutSucceeded>, uow: UnitOfWork): Promise<void> {
  const p = event.data;
  const doc: LedgerPayoutDoc = {
    id: p.payoutId,
    payoutId: p.payoutId,
    kind: p.kind,
    amount: p.amount,
    currency: p.currency,
    paidAt: ledgerTime(p.paidAt),
    eventId: event.eventId,
    orderId: p.orderId,
    shopId: p.shopId,
    buyerId: p.buyerId,
    ...(p.refundId ? { refundId: p.refundId } : {}),
    ...(p.compensationId ? { compensationId: p.compensationId } : {}),
    causedBy: p.causedBy,
  };
  if (p.kind !== 'return_shipping') return uow.put(LEDGER_PAYOUTS, doc);
  // A reimbursement has no event of its own beyond the payout: the confirmed payout is the ledger line.
  const entry = book(uow, {
    kind: p.kind,
    ...paidTo(p),
    ...(p.refundId ? { refundId: p.refundId } : {}),
    postedAt: p.paidAt,
    source: { eventId: event.eventId, type: event.type },
    causedBy: [...p.causedBy, event.eventId],
    explanation: `return shipping reimbursed to the buyer for refund ${p.refundId ?? '?'}, paid by the merchant`,
  });
  uow.put(LEDGER_PAYOUTS, { ...doc, entryId: entry.id });
}

async function onCompensationPaidOut(event: RecordedEvent<string, CompensationPaidOut>, uow: UnitOfWork): Promise<void> {
  const c = event.data;
  const decision = await uow.get<DecisionDoc>(LEDGER_DECISIONS, c.compensationId);
  const payout = await uow.get<LedgerPayoutDoc>(LEDGER_PAYOUTS, c.payoutId);
  const entry = book(uow, {
    kind: 'compensation',
    ...paidTo(c),
    compensationId: c.compensationId,
    postedAt: c.paidAt,
    source: { eventId: event.eventId, type: event.type },
    causedBy: [
      ...(decision ? [...decision.basedOn, decision.decisionEventId, ...(decision.approvalEventId ? [decision.approvalEventId] : [])] : []),
      ...(payout ? [payout.eventId] : []),
      event.eventId,
    ],
    rule: { id: c.rule.ruleId, version: c.rule.rulebookVersion },
    ...(decision?.disputeId ? { dispute: { disputeId: decision.disputeId } } : {}),
    explanation:
      `${decision?.kind ?? 'compensation'} compensation from the shop's deposit: ${decision?.explanation ?? 'decision not found'}` +
      (decision?.note ? ` (${decision.note})` : ''),
  });
  if (payout) uow.put(LEDGER_PAYOUTS, { ...payout, entryId: entry.id });
}

async function onRefundPaid(event: RecordedEvent<string, RefundPaid>, uow: UnitOfWork): Promise<void> {
  const r = event.data;
  const payout = await uow.get<LedgerPayoutDoc>(LEDGER_PAYOUTS, r.payoutId);
  const cause = await uow.get<RefundCauseDoc>(LEDGER_REFUND_CAUSES, r.refundId);
  const entry = book(uow, {
    kind: 'refund',
    ...paidTo(r),
    refundId: r.refundId,
    postedAt: r.paidAt,
    source: { eventId: event.eventId, type: event.type },
    causedBy: [...(cause ? [cause.causeEventId, cause.eventId] : []), ...(payout ? [...payout.causedBy, payout.eventId] : []), event.eventId],
    ...(r.rulebookVersion ? { rule: { id: `refund.${r.trigger}`, version: r.rulebookVersion } } : {}),
    ...(cause?.dispute ? { dispute: cause.dispute } : {}),
    explanation:
      `refund ${r.refundId} to the buyer out of the sale (${r.trigger.replace(/_/g, ' ')}` +
      `${cause ? `, ${causeOf(cause)}` : ''}); ${r.totalRefundedOnOrder} refunded on the order so far`,
  });
  if (payout) uow.put(LEDGER_PAYOUTS, { ...payout, entryId: entry.id });
}

/** Which payout moved how much of whose money to whom, as the event recording it says. */
function paidTo(d: Pick<MoneyMovement, 'payoutId' | 'orderId' | 'shopId' | 'buyerId' | 'amount' | 'currency'>) {
  return { payoutId: d.payoutId, orderId: d.orderId, shopId: d.shopId, buyerId: d.buyerId, amount: d.amount, currency: d.currency };
}

function book(uow: UnitOfWork, movement: MoneyMovement): JournalEntry {
  const entry = journalEntryFor(movement);
  uow.put(LEDGER_ENTRIES, entry);
  return entry;
}
