import type { LogisticsEvent } from '@aftersales/contracts';
import { DomainError, fold } from '@aftersales/kernel';
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

export const created = (direction: 'outbound' | 'return' = 'outbound'): LogisticsEvent => ({
  type: 'ShipmentCreated',
  data: {
    shipmentId: SHIPMENT,
    orderId: ORDER,
    direction,
    ...(direction === 'return' ? { refundId: REFUND } : {}),
    carrier: 'sf',
    trackingNo: 'SF100',
    createdAt: '2026-11-02T09:00:00.000Z',
  },
});

export const dispatched: LogisticsEvent = {
  type: 'ShipmentDispatched',
  data: {
    shipmentId: SHIPMENT,
    orderId: ORDER,
    carrier: 'sf',
    trackingNo: 'SF100',
    dispatchedAt: '2026-11-02T10:00:00.000Z',
    trigger: 'manual',
    trackingExpiresAt: '2026-12-02T10:00:00.000Z',
    rulebookVersion: rules.version,
  },
};

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

export const stateAfter = (events: LogisticsEvent[]): ShipmentState => fold(shipmentDecider, initialShipmentState, events);

/** given(history).when(command) → the events decided. */
export const given = (...history: LogisticsEvent[]) => ({
  when: (command: ShipmentCommand): LogisticsEvent[] => shipmentDecider.decide(command, stateAfter(history)),
});

/** Runs commands one after the other, each on the state the previous ones left: the whole log and final state. */
export function run(history: LogisticsEvent[], commands: ShipmentCommand[]): { log: LogisticsEvent[]; state: ShipmentState } {
  const log = [...history];
  for (const command of commands) log.push(...shipmentDecider.decide(command, stateAfter(log)));
  return { log, state: stateAfter(log) };
}

/** The DomainError a refused command throws (fails the test when it does not throw one). */
export function refusalOf(decide: () => unknown): DomainError {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused, but it was accepted');
}

export const typesOf = (events: LogisticsEvent[]): string[] => events.map((e) => e.type);
