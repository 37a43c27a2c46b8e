import { readFedView, type CommandContext } from '@aftersales/kernel';
import { isActiveOutbound, trackingKeyOf, type KnownOrderStatus } from '../domain';
import {
  ORDER_PAYMENTS,
  SHIPMENTS_COLLECTION,
  shipmentStreamId,
  TRACKING_INDEX_COLLECTION,
  type OrderPaymentsDoc,
  type ShipmentView,
  type TrackingIndexEntry,
} from '../projections';
import { isoTime } from './iso-time';
import type {
  CommandOptions,
  CreateReissueShipmentInput,
  CreateReturnShipmentInput,
  CreateShipmentInput,
  ShipmentCommandResult,
} from './shipments.types';
import { runShipmentCommand, type CommandFor } from './run-shipment-command';
import type { ShipmentsDependencies } from './shipment-handler';

/*
 * Consistency notes (embedded runtime and beyond):
 * - The order facts CreateShipment needs come from `order_payments`, fed asynchronously by the order topic.
 *   POST /shipments right after POST /orders/{id}/payment must not flake, so when the order is unknown or still
 *   unpaid there, the command waits (bounded by consistencyTimeoutMs, polling in real time) for the view to
 *   catch up before refusing, but only while the view's consumer group is behind (MessageBus.lag on the order
 *   topic, which in embedded mode also counts order events not yet published): once it has caught up, an unknown
 *   order is unknown, and the answer is immediate. It never calls platform.settle(): that would deadlock inside a
 *   bus consumer.
 * - "One active outbound shipment per order" and "one shipment per tracking number" are checked against the
 *   read models, confirmed against the log, and serialised per order / tracking number inside this process.
 *   Across several processes they are best effort (a reservation stream would make them strict).
 */

/** An outbound shipment for a paid (or cash-on-delivery) order; the id is generated here. */
export async function createShipment(
  deps: ShipmentsDependencies,
  input: CreateShipmentInput,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  const shipmentId = deps.newShipmentId(deps.clock.now());
  const { orderId, carrier, trackingNo } = input;
  return deps.locks.run([`order:${orderId}`, `tracking:${trackingKeyOf(carrier, trackingNo)}`], async () => {
    const orderStatus = await knownOrderStatus(deps, orderId);
    const activeOutboundShipmentId = await activeOutboundShipmentOf(deps, orderId);
    const trackingNoUsedBy = await trackingNoUser(deps, carrier, trackingNo);
    const command: CommandFor<'CreateShipment'> = {
      type: 'CreateShipment',
      shipmentId,
      orderId,
      carrier,
      trackingNo,
      orderStatus,
      ...(activeOutboundShipmentId ? { activeOutboundShipmentId } : {}),
      ...(trackingNoUsedBy ? { trackingNoUsedBy } : {}),
    };
    return runShipmentCommand(deps, shipmentId, command, ctx, options);
  });
}

/** A return shipment for a refund (buyer → merchant), dispatched at once when the buyer already handed it over. */
export async function createReturnShipment(
  deps: ShipmentsDependencies,
  input: CreateReturnShipmentInput,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  const handedOverAt = input.handedOverAt === undefined ? undefined : isoTime(input.handedOverAt, '/handedOverAt');
  return createRefundParcel(deps, input, ctx, options, (parcel) => ({
    type: 'CreateReturnShipment',
    ...parcel,
    rules: deps.rules,
    ...(handedOverAt ? { handedOverAt } : {}),
  }));
}

/** An outbound reissue (补发) shipment for a refund, whatever the order's status; for the refund service. */
export async function createReissueShipment(
  deps: ShipmentsDependencies,
  input: CreateReissueShipmentInput,
  ctx: CommandContext,
  options?: CommandOptions,
): Promise<ShipmentCommandResult> {
  return createRefundParcel(deps, input, ctx, options, (parcel) => ({ type: 'CreateReissueShipment', ...parcel }));
}

/** What a refund's parcel (return or reissue) is created with: a new id and the shipment using its tracking number, if any. */
interface RefundParcel {
  shipmentId: string;
  orderId: string;
  refundId: string;
  carrier: string;
  trackingNo: string;
  trackingNoUsedBy?: string;
}

/** A refund's parcel needs no order facts (the refund vouches for the order): only its tracking number is checked. */
async function createRefundParcel(
  deps: ShipmentsDependencies,
  { orderId, refundId, carrier, trackingNo }: CreateReissueShipmentInput,
  ctx: CommandContext,
  options: CommandOptions | undefined,
  commandOf: (parcel: RefundParcel) => CommandFor<'CreateReturnShipment' | 'CreateReissueShipment'>,
): Promise<ShipmentCommandResult> {
  const shipmentId = deps.newShipmentId(deps.clock.now());
  return deps.locks.run([`tracking:${trackingKeyOf(carrier, trackingNo)}`], async () => {
    const trackingNoUsedBy = await trackingNoUser(deps, carrier, trackingNo);
    const parcel: RefundParcel = { shipmentId, orderId, refundId, carrier, trackingNo, ...(trackingNoUsedBy ? { trackingNoUsedBy } : {}) };
    return runShipmentCommand(deps, shipmentId, commandOf(parcel), ctx, options);
  });
}

/**
 * The order as the order topic described it; while it is unknown or still unpaid here, waits (bounded) only as long as
 * the view's consumer group is behind. The lag is read before the document: a lag of 0 then means the document read
 * after it reflects every order event published (and, embedded, committed) before that moment.
 */
async function knownOrderStatus({ readModels, waitOptions, orderFeedLag }: ShipmentsDependencies, orderId: string): Promise<KnownOrderStatus> {
  const settled = (d: OrderPaymentsDoc | undefined) => d !== undefined && d.status !== 'awaiting_payment';
  const doc = await readFedView(() => readModels.get<OrderPaymentsDoc>(ORDER_PAYMENTS, orderId), settled, orderFeedLag, waitOptions);
  return doc?.status ?? 'unknown';
}

async function activeOutboundShipmentOf({ readModels, handler }: ShipmentsDependencies, orderId: string): Promise<string | undefined> {
  const { items } = await readModels.find<ShipmentView>(SHIPMENTS_COLLECTION, {
    where: { orderId, direction: 'outbound' },
    limit: 100,
  });
  for (const view of items.filter(isActiveOutbound)) {
    const { state } = await handler.load(shipmentStreamId(view.id));
    if (isActiveOutbound(state)) return view.id;
  }
  return undefined;
}

async function trackingNoUser({ readModels, handler }: ShipmentsDependencies, carrier: string, trackingNo: string): Promise<string | undefined> {
  const entry = await readModels.get<TrackingIndexEntry>(TRACKING_INDEX_COLLECTION, trackingKeyOf(carrier, trackingNo));
  if (!entry) return undefined;
  const { state } = await handler.load(shipmentStreamId(entry.shipmentId));
  return state.status === 'cancelled' ? undefined : entry.shipmentId;
}
