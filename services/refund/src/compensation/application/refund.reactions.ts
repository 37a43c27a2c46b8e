import type { CompensationDecided, EventEnvelope, PayoutSucceeded } from '@aftersales/contracts';
import { contextCausedBy, notFound, type RecordedEvent } from '@aftersales/kernel';
import { compensationPayoutId, compensationStreamId } from '../domain';
import { COMPENSATION_ACTOR, type CompensationHandlers } from './compensation-handlers';
import { reactionContext, reactTo } from './compensation-reaction';
import type { CompensationReactionOutcome } from './compensation.types';

/**
 * The payout of a payable compensation; its content depends only on the compensation's log, so a redelivery asks for
 * the same one: the decision and, when a supervisor approved it, the approval.
 */
async function requestPayout(h: CompensationHandlers, decided: DecidedEvent, approved: EventEnvelope | undefined, event: EventEnvelope): Promise<void> {
  const d = decided.data;
  await h.deps.payouts.request(
    {
      payoutId: compensationPayoutId(d.compensationId),
      kind: 'compensation',
      orderId: d.orderId,
      shopId: d.shopId,
      buyerId: d.buyerId,
      amount: d.amount,
      currency: d.currency,
      compensationId: d.compensationId,
      causedBy: [decided.eventId, ...(approved ? [approved.eventId] : [])],
    },
    contextCausedBy(event, COMPENSATION_ACTOR),
  );
}

type DecidedEvent = Pick<RecordedEvent<string, CompensationDecided>, 'eventId' | 'data'>;

/** An approval's payout: the decision it approves is read from the compensation's stream (a stream holds one). */
async function requestApprovedPayout(h: CompensationHandlers, compensationId: string, approved: EventEnvelope): Promise<void> {
  const stream = await h.platform.eventStore.readStream(compensationStreamId(compensationId));
  const decided = stream.find((e) => e.type === 'CompensationDecided') as RecordedEvent<string, CompensationDecided> | undefined;
  if (!decided) throw notFound('compensation', compensationId);
  await requestPayout(h, decided, approved, approved);
}

/** The refund events group `compensation` reacts to (the bus passes the others over). */
export const REFUND_EVENTS_COMPENSATION_REACTS_TO: readonly string[] = ['CompensationDecided', 'CompensationApproved', 'PayoutSucceeded'];

/** Refund topic, group `compensation`: pays out decided/approved compensations and records their payouts. */
export async function onRefundEvent(h: CompensationHandlers, event: EventEnvelope): Promise<CompensationReactionOutcome> {
  if (!REFUND_EVENTS_COMPENSATION_REACTS_TO.includes(event.type)) return { outcome: 'ignored' };
  switch (event.type) {
    case 'CompensationDecided': {
      const d = event.data as CompensationDecided;
      if (d.requiresSupervisorApproval) return { outcome: 'ignored' };
      // Nothing to approve: the decision is the whole cause, so the payout is built from this event, no stream read.
      return reactTo(event, h.log, () => requestPayout(h, { eventId: event.eventId, data: d }, undefined, event));
    }
    case 'CompensationApproved':
      return reactTo(event, h.log, () => requestApprovedPayout(h, (event.data as { compensationId: string }).compensationId, event));
    case 'PayoutSucceeded': {
      const p = event.data as PayoutSucceeded;
      if (p.kind !== 'compensation' || !p.compensationId) return { outcome: 'ignored' };
      return reactTo(event, h.log, () =>
        h.run(p.compensationId!, () => ({ type: 'RecordCompensationPaidOut', payoutId: p.payoutId, amount: p.amount, paidAt: p.paidAt }), reactionContext(event)),
      );
    }
    default:
      return { outcome: 'ignored' };
  }
}
