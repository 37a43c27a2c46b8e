import { withoutUndefined } from '@aftersales/kernel';
import { meaningOf } from './carrier-scan';
import { dispatchedEvent, exceptionEvent, hasException, shipmentMissing, type DataOf, type Event } from './decide-support';
import type { RecordCarrierEvent } from './shipment-commands';
import type { ShipmentState } from './shipment-state';
import { hasScan } from './tracking-history';

/* A carrier scan: recorded once per carrier event id, and the milestones it implies (see shipment-decider.ts). */

export function recordCarrierEvent(command: RecordCarrierEvent, state: ShipmentState): Event[] {
  if (state.status === 'none') throw shipmentMissing();
  if (hasScan(state, command.carrierEventId)) return [];
  const events: Event[] = [
    {
      type: 'CarrierEventRecorded',
      data: withoutUndefined({
        shipmentId: state.shipmentId,
        orderId: state.orderId,
        direction: state.direction,
        refundId: state.refundId,
        carrier: state.carrier,
        trackingNo: state.trackingNo,
        carrierEventId: command.carrierEventId,
        status: command.status,
        subStatus: command.subStatus,
        occurredAt: command.occurredAt,
        location: command.location,
        description: command.description,
        receivedAt: command.at,
      }),
    },
  ];
  if (state.status !== 'created' && state.status !== 'dispatched') return events;

  const meaning = meaningOf(command.status, command.subStatus);
  if (state.status === 'created') {
    if (!meaning.inCarrierHands) return events;
    events.push(dispatchedEvent(state, command.occurredAt, 'carrier_scan', command.rules, command.carrierEventId));
  }
  if (meaning.delivered) {
    events.push(deliveredEvent(state, command));
  } else if (meaning.returnedToSender) {
    events.push(...returnedToSenderEvents(state, command));
  } else if (meaning.exceptionKind !== undefined && !hasException(state, meaning.exceptionKind)) {
    events.push(exceptionEvent(state, { kind: meaning.exceptionKind, reportedAt: command.occurredAt, trigger: 'carrier_scan' }, command));
  }
  return events;
}

function deliveredEvent(state: ShipmentState, scan: RecordCarrierEvent): Event {
  const data: DataOf<'ShipmentDelivered'> = withoutUndefined({
    shipmentId: state.shipmentId,
    orderId: state.orderId,
    deliveredAt: scan.occurredAt,
    carrierEventId: scan.carrierEventId,
    subStatus: scan.subStatus,
  });
  if (state.direction === 'outbound') return { type: 'ShipmentDelivered', data: withoutUndefined({ ...data, refundId: state.refundId }) };
  return { type: 'ReturnShipmentDelivered', data: { ...data, refundId: state.refundId ?? '' } };
}

function returnedToSenderEvents(state: ShipmentState, scan: RecordCarrierEvent): Event[] {
  if (state.direction === 'return') {
    // A return parcel going back to the buyer is a problem of the return, not a milestone.
    if (hasException(state, 'other')) return [];
    return [
      exceptionEvent(state, { kind: 'other', reportedAt: scan.occurredAt, trigger: 'carrier_scan', detail: 'returned to sender' }, scan),
    ];
  }
  return [
    {
      type: 'ShipmentReturned',
      data: withoutUndefined({
        shipmentId: state.shipmentId,
        orderId: state.orderId,
        returnedAt: scan.occurredAt,
        reason: hasException(state, 'refused') ? 'refused' : 'undeliverable',
        trigger: 'carrier_scan',
        carrierEventId: scan.carrierEventId,
        refundId: state.refundId,
      }),
    },
  ];
}
