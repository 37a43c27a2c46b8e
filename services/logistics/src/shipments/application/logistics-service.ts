import { currentRulebook, topicOf, type Rulebook } from '@aftersales/contracts';
import { KeyedLock, withoutUndefined, type Platform, type ServiceLog } from '@aftersales/kernel';
import { LOGISTICS_SERVICE, trackingExpiryPolicy } from '../policies';
import { ORDER_PAYMENTS, shipmentsProjection, trackingIndexProjection } from '../projections';
import { recordCarrierEvent } from './carrier-events.commands';
import { CONSUMER_GROUP } from './logistics-actors';
import type { LogisticsService } from './shipments.types';
import { onOrderEvent } from './order.reactions';
import { onRefundEvent } from './refund.reactions';
import { createReissueShipment, createReturnShipment, createShipment } from './shipment-creation.commands';
import { newShipmentId } from './shipment-ids';
import { cancelShipment, dispatchShipment, markReturned, printLabel, reportException } from './shipment-lifecycle.commands';
import { getShipment, listShipmentsByOrder, orderParties, shipmentParties } from './shipments.queries';
import { shipmentCommandHandler, type ShipmentsDependencies } from './shipment-handler';
import { fireTrackingTimer } from './tracking.timers';

export interface LogisticsServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  newShipmentId?: (now: Date) => string;
  /** Longest wait for a read model to catch up (order facts, read your writes). Default 2000 ms. */
  consistencyTimeoutMs?: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: ServiceLog;
  /** How far the view of the order topic is behind; default the bus's lag of group `logistics` on it (tests stand in). */
  orderFeedLag?: () => Promise<number>;
}

/** The logistics facade: builds the dependencies once and hands them to each use case. */
export function createLogisticsService(platform: Platform, options: LogisticsServiceOptions = {}): LogisticsService {
  const rulebook = options.rulebook ?? currentRulebook();
  const deps: ShipmentsDependencies = {
    handler: shipmentCommandHandler(platform.eventStore, platform.clock),
    readModels: platform.readModels,
    clock: platform.clock,
    rules: withoutUndefined({
      version: rulebook.version,
      trackingExpiredAfterDays: rulebook.logistics.trackingExpiredAfterDays,
      carrierClockSkewMinutes: rulebook.logistics.carrierClockSkewMinutes,
    }),
    newShipmentId: options.newShipmentId ?? newShipmentId,
    locks: new KeyedLock(),
    orderFeedLag: options.orderFeedLag ?? (() => platform.bus.lag(CONSUMER_GROUP, [topicOf('order')])),
    waitOptions: { timeoutMs: options.consistencyTimeoutMs ?? 2_000, intervalMs: options.pollIntervalMs ?? 5, sleep: options.sleep },
    log: options.log ?? ((message, details) => console.warn(`[logistics] ${message}`, details ?? '')),
  };

  return {
    createShipment: (input, ctx, o) => createShipment(deps, input, ctx, o),
    createReturnShipment: (input, ctx, o) => createReturnShipment(deps, input, ctx, o),
    createReissueShipment: (input, ctx, o) => createReissueShipment(deps, input, ctx, o),
    printLabel: (shipmentId, ctx, o) => printLabel(deps, shipmentId, ctx, o),
    dispatchShipment: (shipmentId, ctx, o) => dispatchShipment(deps, shipmentId, ctx, o),
    recordCarrierEvent: (input, ctx, o) => recordCarrierEvent(deps, input, ctx, o),
    reportException: (shipmentId, input, ctx, o) => reportException(deps, shipmentId, input, ctx, o),
    markReturned: (shipmentId, input, ctx, o) => markReturned(deps, shipmentId, input, ctx, o),
    cancelShipment: (shipmentId, input, ctx, o) => cancelShipment(deps, shipmentId, input, ctx, o),
    getShipment: (shipmentId) => getShipment(deps.readModels, shipmentId),
    listShipmentsByOrder: (orderId, page) => listShipmentsByOrder(deps.readModels, orderId, page),
    orderParties: (orderId) => orderParties(deps, orderId),
    shipmentParties: (shipmentId) => shipmentParties(deps, shipmentId),
    onOrderEvent: (event) => onOrderEvent(deps, event),
    onRefundEvent: (event) => onRefundEvent(deps, event),
    runtime: {
      name: LOGISTICS_SERVICE,
      projections: [shipmentsProjection, trackingIndexProjection],
      busFedViews: [{ name: ORDER_PAYMENTS, projection: ORDER_PAYMENTS, collections: [ORDER_PAYMENTS], group: CONSUMER_GROUP }],
      timerPolicies: [trackingExpiryPolicy],
      fireTimer: (timer) => fireTrackingTimer(deps, timer),
    },
  };
}
