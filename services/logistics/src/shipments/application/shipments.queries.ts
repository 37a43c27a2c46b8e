import { readFedView, type Page, type ReadModelStore } from '@aftersales/kernel';
import { ORDER_PAYMENTS, SHIPMENTS_COLLECTION, shipmentStreamId, type OrderPaymentsDoc, type ShipmentView } from '../projections';
import type { ShipmentsDependencies } from './shipment-handler';

export interface OrderParties {
  buyerId?: string;
  shopId?: string;
}

/**
 * Whose order it is, as the order topic told logistics (waiting, bounded, only while that feed is behind); undefined
 * for an order logistics does not know.
 */
export async function orderParties(deps: Pick<ShipmentsDependencies, 'readModels' | 'orderFeedLag' | 'waitOptions'>, orderId: string): Promise<OrderParties | undefined> {
  const doc = await readFedView(() => deps.readModels.get<OrderPaymentsDoc>(ORDER_PAYMENTS, orderId), (d) => d !== undefined, deps.orderFeedLag, deps.waitOptions);
  return doc ? { buyerId: doc.buyerId, shopId: doc.shopId } : undefined;
}

/** Whose order a shipment serves, from the shipment's stream; undefined for an unknown shipment. */
export async function shipmentParties(deps: Pick<ShipmentsDependencies, 'handler' | 'readModels' | 'orderFeedLag' | 'waitOptions'>, shipmentId: string): Promise<OrderParties | undefined> {
  const { state } = await deps.handler.load(shipmentStreamId(shipmentId));
  if (!state.orderId) return undefined;
  return (await orderParties(deps, state.orderId)) ?? {};
}

/** The `shipments` read model document. */
export function getShipment(readModels: ReadModelStore, shipmentId: string): Promise<ShipmentView | undefined> {
  return readModels.get<ShipmentView>(SHIPMENTS_COLLECTION, shipmentId);
}

/** The shipments of an order, outbound and return, a page at a time. */
export function listShipmentsByOrder(
  readModels: ReadModelStore,
  orderId: string,
  page: { limit?: number; cursor?: string } = {},
): Promise<Page<ShipmentView>> {
  return readModels.find<ShipmentView>(SHIPMENTS_COLLECTION, { where: { orderId }, limit: page.limit, cursor: page.cursor });
}
