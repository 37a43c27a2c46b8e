import type { EventEnvelope } from '@aftersales/contracts';
import { reactionContext, runEffects } from './reaction-effects';
import type { RefundHandlers } from './refund-handlers';
import type { RefundReactionOutcome } from './refunds.types';

/** Logistics topic, group `refund`: a reissue parcel dispatched fulfils its refund. */
export async function onLogisticsEvent(h: RefundHandlers, event: EventEnvelope): Promise<RefundReactionOutcome> {
  const data = event.data as { refundId?: string; shipmentId: string; dispatchedAt?: string };
  if (event.type !== 'ShipmentDispatched' || data.refundId === undefined) return { outcome: 'ignored' };
  const refundId = data.refundId;
  return runEffects(event, h.log, [
    {
      name: 'record the reissue dispatched',
      run: () =>
        h.runRefund(
          refundId,
          { type: 'RecordReissueDispatched', refundId, shipmentId: data.shipmentId, dispatchedAt: data.dispatchedAt as string },
          reactionContext(event),
        ),
    },
  ]);
}
