import type { EventEnvelope, RefundEventData } from '@aftersales/contracts';
import { DomainError, type CommandContext } from '@aftersales/kernel';
import { consumerCommandKey } from './command-keys';
import type { CommandOptions, CreateReturnShipmentInput, RefundReactionOutcome, ShipmentCommandResult } from './logistics-service.types';

/** The buyer's return parcel a refund event announces (RefundReturnShipped), or undefined when it announces none. */
export function returnShipmentOfRefundEvent(event: EventEnvelope): CreateReturnShipmentInput | undefined {
  if (event.type !== 'RefundReturnShipped') return undefined;
  const data = event.data as RefundEventData<'RefundReturnShipped'>;
  return {
    orderId: data.orderId,
    refundId: data.refundId,
    carrier: data.carrier,
    trackingNo: data.trackingNo,
    handedOverAt: data.shippedAt,
  };
}

interface RefundReactionParts {
  group: string;
  createReturnShipment(input: CreateReturnShipmentInput, ctx: CommandContext, options?: CommandOptions): Promise<ShipmentCommandResult>;
  log(message: string, details?: Record<string, unknown>): void;
}

/**
 * Bus reaction to refund events: the return the buyer shipped becomes a return shipment (buyer → merchant), already
 * dispatched. The buyer who shipped it is the actor; the key consumer:<group>:<eventId> makes a redelivery append
 * nothing (the first shipment is answered, no second id is used). A refusal (e.g. the tracking number is in use) is
 * final: logged and reported, not thrown.
 */
export function refundReactions(parts: RefundReactionParts) {
  return async function onRefundEvent(event: EventEnvelope): Promise<RefundReactionOutcome> {
    const input = returnShipmentOfRefundEvent(event);
    if (!input) return { outcome: 'ignored' };
    const ctx: CommandContext = {
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.eventId,
      ...(event.trace ? { trace: event.trace } : {}),
      commandKey: consumerCommandKey(parts.group, event.eventId),
    };
    try {
      const result = await parts.createReturnShipment(input, ctx, { readYourWrites: false });
      return { outcome: 'applied', shipmentId: result.state.shipmentId, replayed: result.replayed };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      parts.log(`return shipment after ${event.type} ${event.eventId} refused: ${error.message}`, { code: error.code });
      return { outcome: 'refused', code: error.code, message: error.message };
    }
  };
}
