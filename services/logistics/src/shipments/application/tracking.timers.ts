import { contextFromTimer, type Timer } from '@aftersales/kernel';
import type { ExpireTrackingTimerCommand } from '../policies';
import { SCHEDULER_ACTOR } from './logistics-actors';
import { runShipmentCommand } from './run-shipment-command';
import type { ShipmentsDependencies } from './shipment-handler';

/** A tracking-expiry timer fired (see trackingExpiryPolicy): ExpireTracking on its shipment, under timer:<timerId>. */
export async function fireTrackingTimer(deps: ShipmentsDependencies, timer: Timer): Promise<void> {
  const { type, shipmentId } = timer.command as Partial<ExpireTrackingTimerCommand>;
  if (type !== 'ExpireTracking' || typeof shipmentId !== 'string') {
    throw new Error(`timer ${timer.timerId} carries no logistics timer command`);
  }
  await runShipmentCommand(deps, shipmentId, { type: 'ExpireTracking' }, contextFromTimer(timer, SCHEDULER_ACTOR), { readYourWrites: false });
}
