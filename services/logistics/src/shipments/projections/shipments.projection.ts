import { logisticsEvents, type LogisticsEvent } from '@aftersales/contracts';
import { toDomainEvent, type Projection } from '@aftersales/kernel';
import { initialShipmentState, shipmentDecider } from '../domain';
import { SHIPMENTS_COLLECTION, shipmentStateOf, toShipmentView, type ShipmentView } from './shipment.document';

const logisticsEventTypes = new Set(logisticsEvents.map((d) => d.type));

/** The `shipments` read model: each shipment folded with the decider's own evolve, so GET matches command responses. */
export const shipmentsProjection: Projection = {
  name: 'shipments',
  collections: [SHIPMENTS_COLLECTION],
  handles: (eventType) => logisticsEventTypes.has(eventType),
  async apply(event, uow) {
    if (!event.streamId.startsWith('shipment-')) return;
    const shipmentId = (event.data as { shipmentId: string }).shipmentId;
    const current = await uow.get<ShipmentView>(SHIPMENTS_COLLECTION, shipmentId);
    if (current && current.revision >= event.revision) return;
    const state = current ? shipmentStateOf(current) : initialShipmentState;
    const next = shipmentDecider.evolve(state, toDomainEvent(event) as LogisticsEvent);
    if (next.status === 'none') return;
    uow.put(SHIPMENTS_COLLECTION, toShipmentView(next, event.revision));
  },
};
