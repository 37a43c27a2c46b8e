import { DomainError, type CommandContext } from '@aftersales/kernel';
import { trackingKeyOf } from '../domain';
import { TRACKING_INDEX_COLLECTION, type TrackingIndexEntry } from '../projections';
import { isoTime } from './iso-time';
import type { CarrierEventInput, CarrierEventOutcome, CommandOptions } from './shipments.types';
import { runShipmentCommand, type CommandFor } from './run-shipment-command';
import type { ShipmentsDependencies } from './shipment-handler';

/** A carrier scan: finds the shipment by carrier + tracking number (404 when none); idempotent on the carrier event id. */
export async function recordCarrierEvent(
  deps: ShipmentsDependencies,
  input: CarrierEventInput,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<CarrierEventOutcome> {
  const occurredAt = isoTime(input.occurredAt, '/occurredAt');
  const entry = await deps.readModels.get<TrackingIndexEntry>(TRACKING_INDEX_COLLECTION, trackingKeyOf(input.carrier, input.trackingNo));
  if (!entry) {
    throw new DomainError('not_found', 'not_found', `no shipment has carrier ${input.carrier} and tracking number ${input.trackingNo}`, {
      carrier: input.carrier,
      trackingNo: input.trackingNo,
    });
  }
  const command: CommandFor<'RecordCarrierEvent'> = {
    type: 'RecordCarrierEvent',
    carrierEventId: input.carrierEventId,
    status: input.status,
    occurredAt,
    rules: deps.rules,
    ...(input.subStatus !== undefined ? { subStatus: input.subStatus } : {}),
    ...(input.location !== undefined ? { location: input.location } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
  const result = await runShipmentCommand(deps, entry.shipmentId, command, ctx, options);
  return { shipmentId: entry.shipmentId, duplicate: result.replayed || result.eventIds.length === 0, result };
}
