import { waitUntil, withoutUndefined, type CommandContext } from '@aftersales/kernel';
import { ORDER_PAYMENTS, shipmentStreamId, type OrderPaymentsDoc } from '../projections';
import type {
  CancelShipmentInput,
  CommandOptions,
  MarkReturnedInput,
  ReportExceptionInput,
  ShipmentCommandResult,
} from './shipments.types';
import { runShipmentCommand } from './run-shipment-command';
import type { ShipmentsDependencies } from './shipment-handler';

/* What the merchant does with a shipment once it exists: label, dispatch, exceptions, return, cancellation. */

export function printLabel(
  deps: ShipmentsDependencies,
  shipmentId: string,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  return runShipmentCommand(deps, shipmentId, { type: 'PrintLabel' }, ctx, options);
}

/**
 * Dispatch by hand. The order's first parcel leaves only once the order froze its address for it (the handshake of
 * "no address change after dispatch"): the order records the lock when it learns of the shipment, and logistics' view
 * of the order topic brings it here; while it has not arrived, this waits (bounded) before the decider refuses.
 */
export async function dispatchShipment(
  deps: ShipmentsDependencies,
  shipmentId: string,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  const addressLockedFor = await addressLockOf(deps, shipmentId);
  return runShipmentCommand(deps, shipmentId, withoutUndefined({ type: 'DispatchShipment' as const, rules: deps.rules, addressLockedFor }), ctx, options);
}

async function addressLockOf(deps: ShipmentsDependencies, shipmentId: string): Promise<string | undefined> {
  const { state } = await deps.handler.load(shipmentStreamId(shipmentId));
  if (state.status !== 'created' || state.direction !== 'outbound' || state.refundId !== undefined) return undefined;
  const doc = await waitUntil(
    () => deps.readModels.get<OrderPaymentsDoc>(ORDER_PAYMENTS, state.orderId),
    (d) => d?.addressLockedFor === shipmentId,
    deps.waitOptions,
  );
  return doc?.addressLockedFor;
}

export function reportException(
  deps: ShipmentsDependencies,
  shipmentId: string,
  input: ReportExceptionInput,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  return runShipmentCommand(deps, shipmentId, { type: 'ReportShipmentException', ...input }, ctx, options);
}

export function markReturned(
  deps: ShipmentsDependencies,
  shipmentId: string,
  input: MarkReturnedInput,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  return runShipmentCommand(deps, shipmentId, { type: 'MarkShipmentReturned', ...input }, ctx, options);
}

export function cancelShipment(
  deps: ShipmentsDependencies,
  shipmentId: string,
  input: CancelShipmentInput,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  return runShipmentCommand(deps, shipmentId, { type: 'CancelShipment', ...input }, ctx, options);
}
