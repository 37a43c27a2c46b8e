import { illegalTransition, notFound } from '@aftersales/kernel';
import { followUpKeys, requireFollowUp } from './decide-support';
import type { RecordRemedyPaid, RecordRemedyRefused } from './follow-up-commands';
import { followUpEvent, type ReviewFollowUpEvent } from './follow-up-events';
import { FollowUpRules } from './follow-up-rules';
import type { FollowUp, FollowUpRemedy, FollowUpState } from './follow-up-state';

/*
 * What became of a granted partial refund, as the refund service reports it. These record facts of another service,
 * not decisions, so they are recorded on a closed follow-up too: the refund may be decided after the shop closed it.
 */

/**
 * The granted partial refund an outcome is about, or undefined when that outcome is already recorded (a redelivered
 * fact changes nothing); refuses a remedy that is not a granted partial refund.
 */
function awaitingPayment(f: FollowUp, command: RecordRemedyRefused | RecordRemedyPaid, outcome: 'refused' | 'paid', what: string): FollowUpRemedy | undefined {
  const remedy = f.remedies.find((r) => r.id === command.remedyId);
  if (!remedy) throw notFound('remedy', command.remedyId);
  if (remedy.status === outcome && remedy.refundId === command.refundId) return undefined;
  if (remedy.kind !== 'partial_refund' || remedy.status !== 'granted') {
    throw illegalTransition(what, `${remedy.kind} ${remedy.status}`, FollowUpRules.remedyNotAwaitingPayment);
  }
  return remedy;
}

/** The order could no longer refund the granted partial refund: the remedy is refused, with what was refundable. The same refusal again changes nothing. */
export function decideRecordRemedyRefused(command: RecordRemedyRefused, state: FollowUpState): ReviewFollowUpEvent[] {
  const f = requireFollowUp(state, command.followUpId);
  const remedy = awaitingPayment(f, command, 'refused', 'recording a refused refund');
  if (!remedy) return [];
  return [
    followUpEvent('ReviewFollowUpRemedyRefused', {
      ...followUpKeys(f),
      buyerId: f.buyerId,
      remedyId: remedy.id,
      kind: remedy.kind,
      amount: command.amount,
      refundable: command.refundable,
      currency: command.currency,
      ruleId: command.ruleId,
      explanation: command.explanation,
      refundId: command.refundId,
      basedOn: [command.basedOn],
      refusedAt: command.at,
    }),
  ];
}

/** The refund service paid the granted partial refund through a refund: the remedy is paid. The same payment again changes nothing. */
export function decideRecordRemedyPaid(command: RecordRemedyPaid, state: FollowUpState): ReviewFollowUpEvent[] {
  const f = requireFollowUp(state, command.followUpId);
  const remedy = awaitingPayment(f, command, 'paid', 'recording a paid refund');
  if (!remedy) return [];
  return [
    followUpEvent('ReviewFollowUpRemedyPaid', {
      ...followUpKeys(f),
      buyerId: f.buyerId,
      remedyId: remedy.id,
      kind: remedy.kind,
      amount: command.amount,
      currency: command.currency,
      refundId: command.refundId,
      basedOn: [command.basedOn],
      paidAt: command.at,
    }),
  ];
}
