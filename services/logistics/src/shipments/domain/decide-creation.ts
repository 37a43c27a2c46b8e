import { DomainError, illegalTransition, invalid, ruleViolation } from '@aftersales/kernel';
import { dispatchedEvent, type Event } from './decide-support';
import { evolveShipment } from './evolve-shipment';
import type { CreateReissueShipment, CreateReturnShipment, CreateShipment } from './shipment-commands';
import { ShipmentRules } from './shipment-rules';
import { initialShipmentState, type ShipmentState } from './shipment-state';

function requireCarrierAndTrackingNo(carrier: string, trackingNo: string): void {
  const fields = [];
  if (carrier.trim() === '') fields.push({ field: '/carrier', message: 'must not be blank' });
  if (trackingNo.trim() === '') fields.push({ field: '/trackingNo', message: 'must not be blank' });
  if (fields.length > 0) throw invalid('carrier and tracking number are required', fields);
}

function refuseUsedTrackingNo(usedBy: string | undefined, carrier: string, trackingNo: string): void {
  if (usedBy === undefined) return;
  throw new DomainError(
    'conflict',
    ShipmentRules.trackingNumberInUse,
    `tracking number ${trackingNo} of carrier ${carrier} already belongs to shipment ${usedBy}`,
    { shipmentId: usedBy },
  );
}

function refuseExisting(state: ShipmentState): void {
  if (state.status !== 'none') throw illegalTransition('creating the shipment again', state.status, 'logistics.shipment_exists');
}

export function createShipment(command: CreateShipment, state: ShipmentState): Event[] {
  refuseExisting(state);
  requireCarrierAndTrackingNo(command.carrier, command.trackingNo);
  const { orderStatus, orderId } = command;
  if (orderStatus === 'unknown') throw new DomainError('not_found', 'not_found', `order ${orderId} does not exist`, { id: orderId });
  if (orderStatus === 'awaiting_payment') {
    throw ruleViolation(ShipmentRules.shipOnlyPaidOrders, 'only a paid order (or a cash-on-delivery order) can be shipped', {
      orderId,
      orderStatus,
    });
  }
  if (orderStatus !== 'awaiting_shipment') {
    throw illegalTransition(`creating a shipment for order ${orderId}`, orderStatus, ShipmentRules.orderNotAwaitingShipment);
  }
  if (command.activeOutboundShipmentId !== undefined) {
    throw new DomainError(
      'conflict',
      ShipmentRules.activeShipmentExists,
      `order ${orderId} already has the active shipment ${command.activeOutboundShipmentId}; cancel it first`,
      { shipmentId: command.activeOutboundShipmentId },
    );
  }
  refuseUsedTrackingNo(command.trackingNoUsedBy, command.carrier, command.trackingNo);
  return [
    {
      type: 'ShipmentCreated',
      data: {
        shipmentId: command.shipmentId,
        orderId,
        direction: 'outbound',
        carrier: command.carrier.trim(),
        trackingNo: command.trackingNo.trim(),
        createdAt: command.at,
      },
    },
  ];
}

export function createReturnShipment(command: CreateReturnShipment, state: ShipmentState): Event[] {
  refuseExisting(state);
  requireCarrierAndTrackingNo(command.carrier, command.trackingNo);
  refuseUsedTrackingNo(command.trackingNoUsedBy, command.carrier, command.trackingNo);
  const createdEvent: Event = {
    type: 'ShipmentCreated',
    data: {
      shipmentId: command.shipmentId,
      orderId: command.orderId,
      direction: 'return',
      refundId: command.refundId,
      carrier: command.carrier.trim(),
      trackingNo: command.trackingNo.trim(),
      createdAt: command.at,
    },
  };
  if (command.handedOverAt === undefined) return [createdEvent];
  const returnShipment = evolveShipment(initialShipmentState, createdEvent);
  return [createdEvent, dispatchedEvent(returnShipment, command.handedOverAt, 'manual', command.rules)];
}

/** The merchant sends a refund's items again (补发): outbound, tied to the refund, whatever the order's status. */
export function createReissueShipment(command: CreateReissueShipment, state: ShipmentState): Event[] {
  refuseExisting(state);
  requireCarrierAndTrackingNo(command.carrier, command.trackingNo);
  refuseUsedTrackingNo(command.trackingNoUsedBy, command.carrier, command.trackingNo);
  return [
    {
      type: 'ShipmentCreated',
      data: {
        shipmentId: command.shipmentId,
        orderId: command.orderId,
        direction: 'outbound',
        refundId: command.refundId,
        carrier: command.carrier.trim(),
        trackingNo: command.trackingNo.trim(),
        createdAt: command.at,
      },
    },
  ];
}
