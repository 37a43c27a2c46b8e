import { logisticsEvents, type LogisticsEvent } from '@aftersales/contracts';
import { CommandHandler, type Clock, type KeyedLock, type EventStore, type ReadModelStore, type ServiceLog, type WaitOptions } from '@aftersales/kernel';
import { shipmentDecider, type ShipmentCommand, type ShipmentState, type TrackingRules } from '../domain';

export type ShipmentCommandHandler = CommandHandler<ShipmentCommand, ShipmentState, LogisticsEvent>;

const schemaVersions = new Map(logisticsEvents.map((d) => [d.type, d.version]));

export const shipmentCommandHandler = (eventStore: EventStore, clock: Clock): ShipmentCommandHandler =>
  new CommandHandler(eventStore, clock, {
    decider: shipmentDecider,
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });

/** What the shipment use cases work with; the facade builds it once (createLogisticsService). */
export interface ShipmentsDependencies {
  handler: ShipmentCommandHandler;
  readModels: ReadModelStore;
  clock: Clock;
  /** The rulebook numbers new decisions use. */
  rules: TrackingRules;
  newShipmentId: (now: Date) => string;
  /** Serialises check-then-append per shipment, order and tracking number inside this process. */
  locks: KeyedLock;
  /**
   * How far the order topic's consumer (group `logistics`, which feeds `order_payments`) is behind what was published
   * (and, in embedded mode, what is in the log unpublished): 0 means the view has seen every order event so far.
   */
  orderFeedLag: () => Promise<number>;
  /** How long to wait for a read model to catch up (order facts, read your writes). */
  waitOptions: WaitOptions;
  log: ServiceLog;
}
