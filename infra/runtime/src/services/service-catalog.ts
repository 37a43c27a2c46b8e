import type { ServiceRuntime } from '@aftersales/kernel';
import type { BuiltService, ServiceContext, ServiceDefinition } from '@aftersales/nest';
import { orderServiceDefinition } from '@aftersales/order';
import { logisticsServiceDefinition } from '@aftersales/logistics';
import { refundServiceDefinition } from '@aftersales/refund';
import { BusTimeline, busTimelineView } from '../timeline/bus-timeline';
import { TimelineModule } from '../timeline/timeline.module';
import { timelineProjection } from '../timeline/timeline-projection';

export type { BuiltService, ServiceContext, ServiceDefinition };

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
export const SERVICE_CATALOG: readonly ServiceDefinition[] = [orderServiceDefinition, logisticsServiceDefinition, refundServiceDefinition, timeline];
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
