import { currentRulebook, logisticsEvents, type EventEnvelope, type Rulebook } from '@aftersales/contracts';
import { CommandHandler, DomainError, invalid, notFound, type CommandContext, type Platform, type Timer } from '@aftersales/kernel';
import {
  isActiveOutbound,
  shipmentDecider,
  ShipmentRules,
  trackingKeyOf,
  type KnownOrderStatus,
  type ShipmentCommand,
  type TrackingRules,
} from '../domain';
import { LOGISTICS_SERVICE, trackingExpiryPolicy, type ExpireTrackingTimerCommand } from '../policies';
import { consumerCommandKey, timerCommandKey } from './command-keys';
import { KeyedLock } from './keyed-lock';
import { isOrderEventTracked, nextOrderPayments, ORDER_PAYMENTS, type OrderPaymentsDoc } from '../projections/order-payments.projection';
import { shipmentsProjection } from '../projections/shipments.projection';
import { TRACKING_INDEX_COLLECTION, trackingIndexProjection, type TrackingIndexEntry } from '../projections/tracking-index.projection';
import { refundReactions } from './refund-reactions';
import { newShipmentId } from './shipment-ids';
import { SHIPMENTS_COLLECTION, shipmentStreamId, type ShipmentView } from '../projections/shipment-view';
import { waitUntil } from './wait-until';
import type {
  CarrierEventInput,
  CommandOptions,
  CreateReissueShipmentInput,
  CreateReturnShipmentInput,
  CreateShipmentInput,
  LogisticsService,
  ReactionOutcome,
  ShipmentCommandResult,
} from './logistics-service.types';

/*
 * Consistency notes (embedded runtime and beyond):
 * - The order facts CreateShipment needs come from `order_payments`, fed asynchronously by the order topic.
 *   POST /shipments right after POST /orders/{id}/payment must not flake, so when the order is unknown or still
 *   unpaid there, the command waits (bounded by consistencyTimeoutMs, polling in real time) for the view to
 *   catch up before refusing. It never calls platform.settle(): that would deadlock inside a bus consumer.
 * - "One active outbound shipment per order" and "one shipment per tracking number" are checked against the
 *   read models, confirmed against the log, and serialised per order / tracking number inside this process.
 *   Across several processes they are best effort (a reservation stream would make them strict).
 * - Read your writes: after a command appended, it waits (bounded) until the `shipments` and `tracking_index`
 *   projections reached its events, so a GET or POST /carrier-events right after sees them. Bus reactions and
 *   timers pass readYourWrites: false.
 */

export interface LogisticsServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  newShipmentId?: (now: Date) => string;
  /** Longest wait for a read model to catch up (order facts, read your writes). Default 2000 ms. */
  consistencyTimeoutMs?: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export const LOGISTICS_ACTOR = { id: 'logistics', role: 'system' } as const;
export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;
export const CONSUMER_GROUP = LOGISTICS_SERVICE;

const schemaVersions = new Map(logisticsEvents.map((d) => [d.type, d.version]));
/** Event types the tracking index reacts to: only then does a command wait for that projection too. */
const indexedTypes = new Set(['ShipmentCreated', 'ShipmentCancelled']);

type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;
/** A command as callers build it: the handler adds `at` from the clock. */
type ShipmentCommandInput = WithoutTime<ShipmentCommand>;
type CommandFor<T extends ShipmentCommand['type']> = Extract<ShipmentCommandInput, { type: T }>;

export function createLogisticsService(platform: Platform, options: LogisticsServiceOptions = {}): LogisticsService {
  const { readModels, clock } = platform;
  const handler = new CommandHandler(platform.eventStore, clock, {
    decider: shipmentDecider,
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
  const rulebook = options.rulebook ?? currentRulebook();
  const rules: TrackingRules = { version: rulebook.version, trackingExpiredAfterDays: rulebook.logistics.trackingExpiredAfterDays };
  const makeShipmentId = options.newShipmentId ?? newShipmentId;
  const log = options.log ?? ((message, details) => console.warn(`[logistics] ${message}`, details ?? ''));
  const waitOptions = {
    timeoutMs: options.consistencyTimeoutMs ?? 2_000,
    intervalMs: options.pollIntervalMs ?? 5,
    sleep: options.sleep,
  };
  const locks = new KeyedLock();

  /** Waits (bounded) until the projections that handle these events have reached them. */
  async function awaitProjected(result: ShipmentCommandResult): Promise<void> {
    if (result.events.length === 0) return;
    const position = Math.max(...result.events.map((e) => e.position));
    const names = [shipmentsProjection.name];
    if (result.events.some((e) => indexedTypes.has(e.type))) names.push(trackingIndexProjection.name);
    const lowest = () => Promise.all(names.map((n) => readModels.checkpoint(n))).then((cps) => Math.min(...cps));
    const reached = await waitUntil(lowest, (checkpoint) => checkpoint >= position, waitOptions);
    if (reached < position) log('read models did not catch up in time', { streamId: result.streamId, position, reached });
  }

  async function run(
    shipmentId: string,
    command: ShipmentCommandInput,
    ctx: CommandContext,
    commandOptions: CommandOptions = {},
  ): Promise<ShipmentCommandResult> {
    let result: ShipmentCommandResult;
    try {
      result = await locks.run([`shipment:${shipmentId}`], () =>
        handler.handle(shipmentStreamId(shipmentId), (at) => ({ ...command, at }) as ShipmentCommand, ctx),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === ShipmentRules.shipmentNotFound) throw notFound('shipment', shipmentId);
      throw error;
    }
    if (commandOptions.readYourWrites !== false) await awaitProjected(result);
    return result;
  }

  /** The order as the order topic described it; waits (bounded) while it is unknown or still unpaid here. */
  async function knownOrderStatus(orderId: string): Promise<KnownOrderStatus> {
    const doc = await waitUntil(
      () => readModels.get<OrderPaymentsDoc>(ORDER_PAYMENTS, orderId),
      (d) => d !== undefined && d.status !== 'awaiting_payment',
      waitOptions,
    );
    return doc?.status ?? 'unknown';
  }

  async function activeOutboundShipmentOf(orderId: string): Promise<string | undefined> {
    const { items } = await readModels.find<ShipmentView>(SHIPMENTS_COLLECTION, {
      where: { orderId, direction: 'outbound' },
      limit: 100,
    });
    for (const view of items.filter(isActiveOutbound)) {
      const { state } = await handler.load(shipmentStreamId(view.id));
      if (isActiveOutbound(state)) return view.id;
    }
    return undefined;
  }

  async function trackingNoUser(carrier: string, trackingNo: string): Promise<string | undefined> {
    const entry = await readModels.get<TrackingIndexEntry>(TRACKING_INDEX_COLLECTION, trackingKeyOf(carrier, trackingNo));
    if (!entry) return undefined;
    const { state } = await handler.load(shipmentStreamId(entry.shipmentId));
    return state.status === 'cancelled' ? undefined : entry.shipmentId;
  }

  async function createShipment(input: CreateShipmentInput, ctx: CommandContext, commandOptions?: CommandOptions) {
    const shipmentId = makeShipmentId(clock.now());
    const { orderId, carrier, trackingNo } = input;
    return locks.run([`order:${orderId}`, `tracking:${trackingKeyOf(carrier, trackingNo)}`], async () => {
      const orderStatus = await knownOrderStatus(orderId);
      const activeOutboundShipmentId = await activeOutboundShipmentOf(orderId);
      const trackingNoUsedBy = await trackingNoUser(carrier, trackingNo);
      const command: CommandFor<'CreateShipment'> = {
        type: 'CreateShipment',
        shipmentId,
        orderId,
        carrier,
        trackingNo,
        orderStatus,
        ...(activeOutboundShipmentId ? { activeOutboundShipmentId } : {}),
        ...(trackingNoUsedBy ? { trackingNoUsedBy } : {}),
      };
      return run(shipmentId, command, ctx, commandOptions);
    });
  }

  async function createReturnShipment(input: CreateReturnShipmentInput, ctx: CommandContext, commandOptions?: CommandOptions) {
    const shipmentId = makeShipmentId(clock.now());
    const handedOverAt = input.handedOverAt === undefined ? undefined : isoTime(input.handedOverAt, '/handedOverAt');
    return locks.run([`tracking:${trackingKeyOf(input.carrier, input.trackingNo)}`], async () => {
      const trackingNoUsedBy = await trackingNoUser(input.carrier, input.trackingNo);
      const command: CommandFor<'CreateReturnShipment'> = {
        type: 'CreateReturnShipment',
        shipmentId,
        orderId: input.orderId,
        refundId: input.refundId,
        carrier: input.carrier,
        trackingNo: input.trackingNo,
        rules,
        ...(handedOverAt ? { handedOverAt } : {}),
        ...(trackingNoUsedBy ? { trackingNoUsedBy } : {}),
      };
      return run(shipmentId, command, ctx, commandOptions);
    });
  }

  async function createReissueShipment(input: CreateReissueShipmentInput, ctx: CommandContext, commandOptions?: CommandOptions) {
    const shipmentId = makeShipmentId(clock.now());
    return locks.run([`tracking:${trackingKeyOf(input.carrier, input.trackingNo)}`], async () => {
      const trackingNoUsedBy = await trackingNoUser(input.carrier, input.trackingNo);
      const command: CommandFor<'CreateReissueShipment'> = {
        type: 'CreateReissueShipment',
        shipmentId,
        orderId: input.orderId,
        refundId: input.refundId,
        carrier: input.carrier,
        trackingNo: input.trackingNo,
        ...(trackingNoUsedBy ? { trackingNoUsedBy } : {}),
      };
      return run(shipmentId, command, ctx, commandOptions);
    });
  }

  async function recordCarrierEvent(input: CarrierEventInput, ctx: CommandContext, commandOptions?: CommandOptions) {
    const occurredAt = isoTime(input.occurredAt, '/occurredAt');
    const entry = await readModels.get<TrackingIndexEntry>(TRACKING_INDEX_COLLECTION, trackingKeyOf(input.carrier, input.trackingNo));
    if (!entry) {
      throw new DomainError('not_found', 'not_found', `no shipment has carrier ${input.carrier} and tracking number ${input.trackingNo}`, {
        carrier: input.carrier,
        trackingNo: input.trackingNo,
      });
    }
    const command: CommandFor<'RecordCarrierEvent'> = {
      type: 'RecordCarrierEvent',
      carrierEventId: input.carrierEventId,
      status: input.status,
      occurredAt,
      rules,
      ...(input.subStatus !== undefined ? { subStatus: input.subStatus } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    const result = await run(entry.shipmentId, command, ctx, commandOptions);
    return { shipmentId: entry.shipmentId, duplicate: result.replayed || result.eventIds.length === 0, result };
  }

  /** Closing an order before dispatch (e.g. refunded in full) cancels its shipments that never left. */
  async function cancelUndispatchedShipments(event: EventEnvelope, orderId: string): Promise<string[]> {
    const { items } = await readModels.find<ShipmentView>(SHIPMENTS_COLLECTION, { where: { orderId, status: 'created' }, limit: 100 });
    const reason = (event.data as { reason?: string }).reason ?? 'unknown';
    const cancelled: string[] = [];
    for (const view of items) {
      try {
        const result = await run(
          view.id,
          { type: 'CancelShipment', reason: `order closed: ${reason}` },
          {
            actor: { ...LOGISTICS_ACTOR },
            correlationId: event.correlationId,
            causationId: event.eventId,
            ...(event.trace ? { trace: event.trace } : {}),
            commandKey: consumerCommandKey(CONSUMER_GROUP, event.eventId, view.id),
          },
          { readYourWrites: false },
        );
        if (result.eventIds.length > 0) cancelled.push(view.id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // e.g. dispatched meanwhile: the goods are on their way, a refund deals with them
        log(`shipment ${view.id} not cancelled after ${event.type} ${event.eventId}: ${error.message}`, { code: error.code });
      }
    }
    return cancelled;
  }

  async function onOrderEvent(event: EventEnvelope): Promise<ReactionOutcome> {
    if (!isOrderEventTracked(event.type)) return { outcome: 'ignored' };
    if (await readModels.wasProcessed(ORDER_PAYMENTS, event.eventId)) return { outcome: 'duplicate' };
    const orderId = (event.data as { orderId: string }).orderId;
    // Effects first (each idempotent on its command key), then the view with the processed id, atomically:
    // a crash in between redelivers the event, the cancellations replay as no-ops and the view is written once.
    const cancelledShipmentIds = event.type === 'OrderClosed' ? await cancelUndispatchedShipments(event, orderId) : [];
    const next = nextOrderPayments(await readModels.get<OrderPaymentsDoc>(ORDER_PAYMENTS, orderId), event);
    await readModels.commit({
      projection: ORDER_PAYMENTS,
      checkpoint: Math.max(await readModels.checkpoint(ORDER_PAYMENTS), event.position),
      puts: next ? [{ collection: ORDER_PAYMENTS, doc: next }] : [],
      deletes: [],
      processedEventIds: [event.eventId],
    });
    return { outcome: 'applied', cancelledShipmentIds };
  }

  async function fireTimer(timer: Timer): Promise<void> {
    const { type, shipmentId } = timer.command as Partial<ExpireTrackingTimerCommand>;
    if (type !== 'ExpireTracking' || typeof shipmentId !== 'string') {
      throw new Error(`timer ${timer.timerId} carries no logistics timer command`);
    }
    await run(
      shipmentId,
      { type: 'ExpireTracking' },
      {
        actor: { ...SCHEDULER_ACTOR },
        correlationId: timer.scheduledBy.correlationId,
        causationId: timer.scheduledBy.eventId,
        commandKey: timerCommandKey(timer.timerId),
      },
      { readYourWrites: false },
    );
  }

  return {
    createShipment,
    createReturnShipment,
    createReissueShipment,
    printLabel: (shipmentId, ctx, o) => run(shipmentId, { type: 'PrintLabel' }, ctx, o),
    dispatchShipment: (shipmentId, ctx, o) => run(shipmentId, { type: 'DispatchShipment', rules }, ctx, o),
    recordCarrierEvent,
    reportException: (shipmentId, input, ctx, o) => run(shipmentId, { type: 'ReportShipmentException', ...input }, ctx, o),
    markReturned: (shipmentId, input, ctx, o) => run(shipmentId, { type: 'MarkShipmentReturned', ...input }, ctx, o),
    cancelShipment: (shipmentId, input, ctx, o) => run(shipmentId, { type: 'CancelShipment', ...input }, ctx, o),
    getShipment: (shipmentId) => readModels.get<ShipmentView>(SHIPMENTS_COLLECTION, shipmentId),
    listShipmentsByOrder: (orderId, page = {}) =>
      readModels.find<ShipmentView>(SHIPMENTS_COLLECTION, { where: { orderId }, limit: page.limit, cursor: page.cursor }),
    onOrderEvent,
    onRefundEvent: refundReactions({ group: CONSUMER_GROUP, createReturnShipment, log }),
    runtime: {
      name: LOGISTICS_SERVICE,
      projections: [shipmentsProjection, trackingIndexProjection],
      busFedViews: [{ name: ORDER_PAYMENTS, projection: ORDER_PAYMENTS, collections: [ORDER_PAYMENTS], group: CONSUMER_GROUP }],
      timerPolicies: [trackingExpiryPolicy],
      fireTimer,
    },
  };
}

/** Carrier times come with any offset; we keep them in UTC so they sort and compare as text too. */
function isoTime(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid('not a date-time', [{ field, message: 'must be an ISO 8601 date-time' }]);
  return new Date(time).toISOString();
}
