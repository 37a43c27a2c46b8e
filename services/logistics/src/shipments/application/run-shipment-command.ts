import { DomainError, notFound, waitUntil, type CommandContext } from '@aftersales/kernel';
import { ShipmentRules, type ShipmentCommand } from '../domain';
import { shipmentsProjection, shipmentStreamId, trackingIndexProjection } from '../projections';
import type { CommandOptions, ShipmentCommandResult } from './shipments.types';
import type { ShipmentsDependencies } from './shipment-handler';

type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;
/** A command as callers build it: the handler adds `at` from the clock. */
export type ShipmentCommandInput = WithoutTime<ShipmentCommand>;
export type CommandFor<T extends ShipmentCommand['type']> = Extract<ShipmentCommandInput, { type: T }>;

/** Event types the tracking index reacts to: only then does a command wait for that projection too. */
const indexedTypes = new Set(['ShipmentCreated', 'ShipmentCancelled']);

/**
 * Runs one command on a shipment stream, serialised per shipment in this process. Read your writes: after it
 * appended, it waits (bounded) until the `shipments` and `tracking_index` projections reached its events, so a GET
 * or POST /carrier-events right after sees them. Bus reactions and timers pass readYourWrites: false.
 */
export async function runShipmentCommand(
  deps: ShipmentsDependencies,
  shipmentId: string,
  command: ShipmentCommandInput,
  ctx: CommandContext,
  options: CommandOptions = {},
): Promise<ShipmentCommandResult> {
  let result: ShipmentCommandResult;
  try {
    result = await deps.locks.run([`shipment:${shipmentId}`], () =>
      deps.handler.handle(shipmentStreamId(shipmentId), (at) => ({ ...command, at }) as ShipmentCommand, ctx),
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === ShipmentRules.shipmentNotFound) throw notFound('shipment', shipmentId);
    throw error;
  }
  if (options.readYourWrites !== false) await awaitProjected(deps, result);
  return result;
}

/** Waits (bounded) until the projections that handle these events have reached them. */
async function awaitProjected({ readModels, waitOptions, log }: ShipmentsDependencies, result: ShipmentCommandResult): Promise<void> {
  if (result.events.length === 0) return;
  const position = Math.max(...result.events.map((e) => e.position));
  const names = [shipmentsProjection.name];
  if (result.events.some((e) => indexedTypes.has(e.type))) names.push(trackingIndexProjection.name);
  const lowest = () => Promise.all(names.map((n) => readModels.checkpoint(n))).then((cps) => Math.min(...cps));
  const reached = await waitUntil(lowest, (checkpoint) => checkpoint >= position, waitOptions);
  if (reached < position) log('read models did not catch up in time', { streamId: result.streamId, position, reached });
}
