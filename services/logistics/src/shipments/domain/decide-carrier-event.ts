import { ruleViolation, withoutUndefined } from '@aftersales/kernel';
import { meaningOf } from './carrier-scan';
import { dispatchedEvent, exceptionEvent, hasException, shipmentMissing, type DataOf, type Event } from './decide-support';
import type { RecordCarrierEvent } from './shipment-commands';
import type { ShipmentState } from './shipment-state';
import { ShipmentRules } from './shipment-rules';
import { hasScan } from './tracking-history';

/* A carrier scan: recorded once per carrier event id, and the milestones it implies (see shipment-decider.ts). */

export function recordCarrierEvent(command: RecordCarrierEvent, state: ShipmentState): Event[] {
  if (state.status === 'none') throw shipmentMissing();
  if (hasScan(state, command.carrierEventId)) return [];
  assertPlausibleTime(command, state);
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

/**
 * The carrier's clock is not taken on trust (the scan's time starts windows: delivery starts auto-confirm and the
 * no-reason return). A scan may not be dated before the parcel left (the dispatch recorded by hand; otherwise the
 * shipment's creation)
 * nor ahead of the platform's clock (`at`), each beyond the rulebook's skew. Rulebooks without the skew do not check.
 */
function assertPlausibleTime(command: RecordCarrierEvent, state: ShipmentState): void {
  const skewMinutes = command.rules.carrierClockSkewMinutes;
  if (skewMinutes === undefined) return;
  const skewMs = skewMinutes * 60_000;
  const occurred = Date.parse(command.occurredAt);
  // A dispatch the carrier's own scan made is dated by that scan: the carrier's earlier scans, arriving out of order,
  // may be dated back to the shipment's creation.
  const byHand = state.dispatchTrigger === 'manual' && state.dispatchedAt !== undefined;
  const earliest = byHand ? state.dispatchedAt : state.createdAt;
  const details = { occurredAt: command.occurredAt, carrierClockSkewMinutes: skewMinutes, rulebookVersion: command.rules.version };
  if (earliest !== undefined && occurred < Date.parse(earliest) - skewMs) {
    const what = byHand ? 'dispatch' : 'shipment was created';
    throw ruleViolation(ShipmentRules.implausibleEventTime, `the carrier event is dated ${command.occurredAt}, before the ${what} (${earliest})`, {
      ...details,
      earliest,
    });
  }
  if (occurred > Date.parse(command.at) + skewMs) {
    throw ruleViolation(ShipmentRules.implausibleEventTime, `the carrier event is dated ${command.occurredAt}, ahead of the platform's clock (${command.at})`, {
      ...details,
      now: command.at,
    });
  }
}
