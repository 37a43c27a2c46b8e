import type { CommandContext } from '@aftersales/kernel';
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

export function dispatchShipment(
  deps: ShipmentsDependencies,
  shipmentId: string,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  return runShipmentCommand(deps, shipmentId, { type: 'DispatchShipment', rules: deps.rules }, ctx, options);
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
