import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, react } from '@aftersales/kernel';
import { returnShipmentOfRefundEvent } from '../policies';
import { CONSUMER_GROUP } from './logistics-actors';
import type { RefundReactionOutcome } from './shipments.types';
import { createReturnShipment } from './shipment-creation.commands';
import type { ShipmentsDependencies } from './shipment-handler';

/**
 * Bus reaction to refund events: the return the buyer shipped becomes a return shipment (buyer → merchant), already
 * dispatched. The buyer who shipped it is the actor; the key consumer:<group>:<eventId> makes a redelivery append
 * nothing (the first shipment is answered, no second id is used). A refusal (e.g. the tracking number is in use) is
 * final: logged and reported, not thrown.
 */
export async function onRefundEvent(deps: ShipmentsDependencies, event: EventEnvelope): Promise<RefundReactionOutcome> {
  const parcel = returnShipmentOfRefundEvent(event);
  if (!parcel) return { outcome: 'ignored' };
  const ctx = contextFromEvent(event, { group: CONSUMER_GROUP, actor: event.actor });
  return react(event, deps.log, async () => {
    const result = await createReturnShipment(deps, parcel, ctx, { readYourWrites: false });
    return { outcome: 'applied', shipmentId: result.state.shipmentId, replayed: result.replayed } as const;
  });
}
