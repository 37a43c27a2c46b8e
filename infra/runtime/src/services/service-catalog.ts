import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import type { Clock, Platform, ServiceRuntime } from '@aftersales/kernel';
import { OrderModule, createOrderService } from '@aftersales/order';
import { LogisticsModule, createLogisticsService, type LogisticsService } from '@aftersales/logistics';
import {
  CompensationModule,
  FakePaymentProvider,
  PayoutsModule,
  RefundModule,
  createCompensationService,
  createPayoutService,
  createRefundService,
  type LogisticsPort,
} from '@aftersales/refund';
import type { BusKind } from '../config';
import type { Drainable } from '../engine';
import type { GroupReplayer } from '../admin/bus-fed-views';
import { BusTimeline, busTimelineView } from '../timeline/bus-timeline';
import { TimelineModule } from '../timeline/timeline.module';
import { timelineProjection } from '../timeline/timeline-projection';

/** A consumer a service runs beside its Nest handlers (the Kafka-mode timeline). */
export interface SideConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
  drain(): Promise<void>;
  status(): Promise<{ group: string; topics: string[]; lag: number; delivered: number }>;
  /** Side consumers that feed a bus-fed view restart their group from the start (see GroupReplayer). */
  replayer?: GroupReplayer;
}

/** What one service adds to a process. */
export interface BuiltService {
  name: string;
  runtimes: ServiceRuntime[];
  modules: DynamicModule[];
  sideConsumers: SideConsumer[];
  /** Work a service runs in the background (payout attempts) that settle() waits for, after the consumers. */
  drainables?: Drainable[];
  /** Facade other services of the same process may call. */
  facade?: unknown;
}

export interface ServiceContext {
  platform: Platform;
  clock: Clock;
  bus: BusKind;
  dataDir: string;
  /** Services built before this one in the same process, by name. */
  local: ReadonlyMap<string, BuiltService>;
  /**
   * Ports to services in other processes (multi-process mode), when the process was given their addresses. Only the
   * reissue stays a direct call; everything else between services goes through their events.
   */
  remote?: { logistics?: LogisticsPort };
}

export interface ServiceDefinition {
  name: string;
  /**
   * Resource names in the service's HTTP paths (`orders`, or `shipments` in `/orders/{id}/shipments`): the gateway
   * routes a path by its last segment that names a resource.
   */
  resources: string[];
  /** Paths under /admin the service serves itself (the gateway forwards them). */
  adminPaths?: string[];
  build(context: ServiceContext): BuiltService;
}

const order: ServiceDefinition = {
  name: 'order',
  resources: ['orders'],
  build({ platform }) {
    const service = createOrderService(platform);
    return { name: 'order', runtimes: [service.runtime], modules: [OrderModule.register(service)], sideConsumers: [], facade: service };
  },
};

const logistics: ServiceDefinition = {
  name: 'logistics',
  resources: ['shipments', 'carrier-events'],
  build({ platform }) {
    const service = createLogisticsService(platform);
    return { name: 'logistics', runtimes: [service.runtime], modules: [LogisticsModule.register(service)], sideConsumers: [], facade: service };
  },
};

/** Refund requests, compensation, payouts, ledger and audit: one service (one log) in the refund package. */
const refund: ServiceDefinition = {
  name: 'refund',
  resources: ['refunds', 'compensations', 'ledger', 'payouts'],
  adminPaths: ['/admin/payment-provider', '/admin/audit'],
  build({ platform, clock, dataDir, local, remote }) {
    const logisticsPort = (local.get('logistics')?.facade as LogisticsService | undefined) ?? remote?.logistics;
    if (!logisticsPort) {
      throw new Error('the refund service needs logistics (reissue parcels): in this process, or its address (AFTERSALES_PEERS)');
    }
    const paymentProvider = new FakePaymentProvider({ file: join(dataDir, 'fake-payment-provider.jsonl'), now: () => clock.now() });
    const payouts = createPayoutService(platform, { provider: paymentProvider });
    const compensation = createCompensationService(platform, { payouts: payouts.payouts });
    const service = createRefundService(platform, { logistics: logisticsPort, payouts: payouts.payouts });
    return {
      name: 'refund',
      runtimes: [payouts.runtime, compensation.runtime, ...service.runtimes],
      modules: [
        PayoutsModule.register(payouts, { fakeProvider: paymentProvider }),
        CompensationModule.register(compensation),
        RefundModule.register(service),
      ],
      sideConsumers: [],
      drainables: [payouts],
    };
  },
};

/**
 * Every order's events across all services. Embedded: a projection over the shared log (positions are log
 * positions). Kafka: each service has its own log, so the timeline is fed by consumer group `timeline` on every topic.
 */
const timeline: ServiceDefinition = {
  name: 'timeline',
  resources: ['timeline'],
  build({ platform, bus }) {
    const module = TimelineModule.register(platform.readModels);
    if (bus === 'kafka') {
      const runtime: ServiceRuntime = { name: 'timeline', projections: [], busFedViews: [busTimelineView], timerPolicies: [], fireTimer: async () => undefined };
      return { name: 'timeline', runtimes: [runtime], modules: [module], sideConsumers: [new BusTimeline(platform.bus, platform.readModels)] };
    }
    const runtime: ServiceRuntime = { name: 'timeline', projections: [timelineProjection], timerPolicies: [], fireTimer: async () => undefined };
    return { name: 'timeline', runtimes: [runtime], modules: [module], sideConsumers: [] };
  },
};

/** In build order: a service may use the facades of those before it in the same process. */
export const SERVICE_CATALOG: readonly ServiceDefinition[] = [order, logistics, refund, timeline];
export const SERVICE_NAMES: readonly string[] = SERVICE_CATALOG.map((definition) => definition.name);

/** The definitions of the named services, in build order; all of them by default. Unknown names are refused. */
export function selectServices(names: readonly string[] | undefined): ServiceDefinition[] {
  if (!names || names.length === 0) return [...SERVICE_CATALOG];
  const unknown = names.filter((name) => !SERVICE_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`unknown service(s) ${unknown.join(', ')}; known: ${SERVICE_NAMES.join(', ')}`);
  return SERVICE_CATALOG.filter((definition) => names.includes(definition.name));
}

export function buildServices(definitions: ServiceDefinition[], context: Omit<ServiceContext, 'local'>): BuiltService[] {
  const local = new Map<string, BuiltService>();
  for (const definition of definitions) local.set(definition.name, definition.build({ ...context, local }));
  return [...local.values()];
}
