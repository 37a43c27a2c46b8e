import type { Page, ReadModelStore } from '@aftersales/kernel';
import { SHIPMENTS_COLLECTION, type ShipmentView } from '../projections';

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
