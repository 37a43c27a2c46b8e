import type { EventEnvelope, ShipmentExceptionKind } from '@aftersales/contracts';
import type { CommandContext, CommandResult, Page, ServiceRuntime } from '@aftersales/kernel';
import type { RecordCarrierEvent, ReturnReason, ShipmentState } from '../domain';
import type { ShipmentView } from '../projections';

/** What the logistics facade offers: the HTTP controllers, bus reactions and other services call these. */

export type ShipmentCommandResult = CommandResult<ShipmentState>;

export interface CommandOptions {
  /** Wait until the read models show the outcome (default true); bus consumers and timers pass false. */
  readYourWrites?: boolean;
}

export interface CreateShipmentInput {
  orderId: string;
  carrier: string;
  trackingNo: string;
}

export interface CreateReturnShipmentInput {
  orderId: string;
  refundId: string;
  carrier: string;
  trackingNo: string;
  /** When the buyer handed the parcel over, if they already did: the return is dispatched at that time. */
  handedOverAt?: string;
}

export interface CreateReissueShipmentInput {
  orderId: string;
  refundId: string;
  carrier: string;
  trackingNo: string;
}

/** A carrier scan as the carrier reports it: the shipment is found by carrier + tracking number. */
export interface CarrierEventInput extends Omit<RecordCarrierEvent, 'type' | 'at' | 'rules'> {
  carrier: string;
  trackingNo: string;
}

export interface CarrierEventOutcome {
  shipmentId: string;
  /** Nothing was appended: this carrier event id was recorded before (or the request was an idempotent replay). */
  duplicate: boolean;
  result: ShipmentCommandResult;
}

export interface ReportExceptionInput {
  kind: ShipmentExceptionKind;
  detail?: string;
}

export interface MarkReturnedInput {
  reason: ReturnReason;
  note?: string;
}

export interface CancelShipmentInput {
  reason: string;
}

/** How a bus reaction ended; a refusal is final (a redelivery would be refused again), so it is reported, not thrown. */
export type ReactionOutcome = { outcome: 'applied'; cancelledShipmentIds: string[] } | { outcome: 'ignored' } | { outcome: 'duplicate' };

/** How a reaction to a refund event ended (`replayed`: a redelivery, answered with the shipment created the first time). */
export type RefundReactionOutcome =
  | { outcome: 'applied'; shipmentId: string; replayed: boolean }
  | { outcome: 'ignored' }
  | { outcome: 'refused'; code: string; message: string };

export interface LogisticsService {
  /** An outbound shipment for a paid (or cash-on-delivery) order; the id is generated here. */
  createShipment(input: CreateShipmentInput, ctx: CommandContext, options?: CommandOptions): Promise<ShipmentCommandResult>;
  /** A return shipment for a refund (buyer → merchant); run on RefundReturnShipped. */
  createReturnShipment(input: CreateReturnShipmentInput, ctx: CommandContext, options?: CommandOptions): Promise<ShipmentCommandResult>;
  /** An outbound reissue (补发) shipment for a refund, whatever the order's status; for the refund service. */
  createReissueShipment(input: CreateReissueShipmentInput, ctx: CommandContext, options?: CommandOptions): Promise<ShipmentCommandResult>;
  printLabel(shipmentId: string, ctx: CommandContext, options?: CommandOptions): Promise<ShipmentCommandResult>;
  dispatchShipment(shipmentId: string, ctx: CommandContext, options?: CommandOptions): Promise<ShipmentCommandResult>;
  /** Finds the shipment by carrier + tracking number (404 when none); idempotent on the carrier event id. */
  recordCarrierEvent(input: CarrierEventInput, ctx: CommandContext, options?: CommandOptions): Promise<CarrierEventOutcome>;
  reportException(
    shipmentId: string,
    input: ReportExceptionInput,
    ctx: CommandContext,
    options?: CommandOptions,
  ): Promise<ShipmentCommandResult>;
  markReturned(shipmentId: string, input: MarkReturnedInput, ctx: CommandContext, options?: CommandOptions): Promise<ShipmentCommandResult>;
  cancelShipment(
    shipmentId: string,
    input: CancelShipmentInput,
    ctx: CommandContext,
    options?: CommandOptions,
  ): Promise<ShipmentCommandResult>;
  /** The `shipments` read model document. */
  getShipment(shipmentId: string): Promise<ShipmentView | undefined>;
  listShipmentsByOrder(orderId: string, page?: { limit?: number; cursor?: string }): Promise<Page<ShipmentView>>;
  /** Whose order it is (the edge's ownership checks); undefined for an order logistics does not know. */
  orderParties(orderId: string): Promise<{ buyerId?: string; shopId?: string } | undefined>;
  /** Whose order the shipment serves; undefined for an unknown shipment. */
  shipmentParties(shipmentId: string): Promise<{ buyerId?: string; shopId?: string } | undefined>;
  /** Bus reaction to order events (group `logistics`): keeps `order_payments`, cancels undispatched shipments of a closed order. */
  onOrderEvent(event: EventEnvelope): Promise<ReactionOutcome>;
  /** Bus reaction to refund events (group `logistics`): the buyer's return parcel becomes a return shipment. */
  onRefundEvent(event: EventEnvelope): Promise<RefundReactionOutcome>;
  readonly runtime: ServiceRuntime;
}
