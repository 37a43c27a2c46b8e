import type { LogisticsEvent } from '@aftersales/contracts';
import { fold } from '@aftersales/kernel';
import {
  initialShipmentState,
  shipmentDecider,
  type RecordCarrierEvent,
  type ShipmentCommand,
  type ShipmentState,
  type TrackingRules,
} from '../domain';

export const rules: TrackingRules = { version: 'test-v1', trackingExpiredAfterDays: 30 };

export const SHIPMENT = 'shp_test1';
export const ORDER = 'ord_test1';
export const REFUND = 'rfd_test1';

export const scan = (
  carrierEventId: string,
  status: RecordCarrierEvent['status'],
  occurredAt: string,
  extra: Partial<RecordCarrierEvent> = {},
): RecordCarrierEvent => ({
  type: 'RecordCarrierEvent',
  carrierEventId,
  status,
  occurredAt,
  at: '2026-11-05T00:00:00.000Z',
  rules,
  ...extra,
});

const stateAfter = (events: LogisticsEvent[]): ShipmentState => fold(shipmentDecider, initialShipmentState, events);

/** Runs commands one after the other, each on the state the previous ones left: the whole log and final state. */
export function run(history: LogisticsEvent[], commands: ShipmentCommand[]): { log: LogisticsEvent[]; state: ShipmentState } {
  const log = [...history];
  for (const command of commands) log.push(...shipmentDecider.decide(command, stateAfter(log)));
  return { log, state: stateAfter(log) };
}

export const typesOf = (events: LogisticsEvent[]): string[] => events.map((e) => e.type);
