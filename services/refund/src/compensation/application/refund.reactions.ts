import type { CompensationDecided, EventEnvelope, PayoutSucceeded } from '@aftersales/contracts';
import { contextCausedBy, notFound, type RecordedEvent } from '@aftersales/kernel';
import { compensationPayoutId, compensationStreamId } from '../domain';
import { COMPENSATION_ACTOR, type CompensationHandlers } from './compensation-handlers';
import { reactionContext, reactTo } from './compensation-reaction';
import type { CompensationReactionOutcome } from './compensation.types';

/** The payout of a payable compensation; its content depends only on the compensation's log, so a redelivery asks for the same one. */
async function requestPayout(h: CompensationHandlers, compensationId: string, event: EventEnvelope): Promise<void> {
  const stream = await h.platform.eventStore.readStream(compensationStreamId(compensationId));
  const decided = stream.find((e) => e.type === 'CompensationDecided') as RecordedEvent<string, CompensationDecided> | undefined;
  if (!decided) throw notFound('compensation', compensationId);
  const approved = stream.find((e) => e.type === 'CompensationApproved');
  const d = decided.data;
  await h.deps.payouts.request(
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
    contextCausedBy(event, COMPENSATION_ACTOR),
  );
}

/** Refund topic, group `compensation`: pays out decided/approved compensations and records their payouts. */
export async function onRefundEvent(h: CompensationHandlers, event: EventEnvelope): Promise<CompensationReactionOutcome> {
  switch (event.type) {
    case 'CompensationDecided': {
      const d = event.data as CompensationDecided;
      if (d.requiresSupervisorApproval) return { outcome: 'ignored' };
      return reactTo(event, h.log, () => requestPayout(h, d.compensationId, event));
    }
    case 'CompensationApproved':
      return reactTo(event, h.log, () => requestPayout(h, (event.data as { compensationId: string }).compensationId, event));
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
