import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, isRefused, react } from '@aftersales/kernel';
import { undispatchedCancellationOf, type UndispatchedCancellation } from '../policies';
import {
  isOrderEventRecorded,
  isOrderEventTracked,
  recordOrderEvent,
  SHIPMENTS_COLLECTION,
  type ShipmentView,
} from '../projections';
import { CONSUMER_GROUP, LOGISTICS_ACTOR } from './logistics-actors';
import type { ReactionOutcome } from './shipments.types';
import { runShipmentCommand } from './run-shipment-command';
import type { ShipmentsDependencies } from './shipment-handler';

/** Bus reaction to order events (group `logistics`): keeps `order_payments`, cancels undispatched shipments of a closed order. */
export async function onOrderEvent(deps: ShipmentsDependencies, event: EventEnvelope): Promise<ReactionOutcome> {
  if (!isOrderEventTracked(event.type)) return { outcome: 'ignored' };
  if (await isOrderEventRecorded(deps.readModels, event)) return { outcome: 'duplicate' };
  // Effects first (each idempotent on its command key), then the view with the processed id, atomically:
  // a crash in between redelivers the event, the cancellations replay as no-ops and the view is written once.
  const cancellation = undispatchedCancellationOf(event);
  const cancelledShipmentIds = cancellation ? await cancelUndispatchedShipments(deps, event, cancellation) : [];
  await recordOrderEvent(deps.readModels, event);
  return { outcome: 'applied', cancelledShipmentIds };
}

/** One CancelShipment per shipment of the order that never left, each under consumer:logistics:<eventId>:<shipmentId>. */
async function cancelUndispatchedShipments(
  deps: ShipmentsDependencies,
  event: EventEnvelope,
  { orderId, reason }: UndispatchedCancellation,
): Promise<string[]> {
  const { items } = await deps.readModels.find<ShipmentView>(SHIPMENTS_COLLECTION, { where: { orderId, status: 'created' }, limit: 100 });
  const cancelled: string[] = [];
  for (const view of items) {
    const ctx = contextFromEvent(event, { group: CONSUMER_GROUP, actor: LOGISTICS_ACTOR, effect: view.id });
    // a refusal (e.g. dispatched meanwhile: the goods are on their way, a refund deals with them) is logged, not retried
    const logRefusal = (message: string, details?: Record<string, unknown>) => deps.log(message, { ...details, shipmentId: view.id });
    const outcome = await react(event, logRefusal, () =>
      runShipmentCommand(deps, view.id, { type: 'CancelShipment', reason }, ctx, { readYourWrites: false }),
    );
    if (!isRefused(outcome) && outcome.eventIds.length > 0) cancelled.push(view.id);
  }
  return cancelled;
}
