import type { ServiceRuntime } from '@aftersales/kernel';
import type { ServiceDefinition } from '@aftersales/nest';
import { busTimelineQueries, logTimelineQueries } from './timeline/application/timeline.queries';
import { TimelineModule } from './timeline/http/timeline.module';
import { BusTimeline, busTimelineView } from './timeline/projections/bus-timeline.projection';
import { timelineProjection } from './timeline/projections/timeline.projection';

/**
 * Every order's events across all services. Embedded: a projection over the shared log (positions are log
 * positions). Kafka: each service has its own log, so the timeline is fed by consumer group `timeline` on every topic.
 */
export const timelineServiceDefinition: ServiceDefinition = {
  name: 'timeline',
  resources: ['timeline'],
  build({ platform, bus }) {
    if (bus === 'kafka') {
      const module = TimelineModule.register(busTimelineQueries(platform.readModels));
      const runtime: ServiceRuntime = { name: 'timeline', projections: [], busFedViews: [busTimelineView], timerPolicies: [], fireTimer: async () => undefined };
      return { name: 'timeline', runtimes: [runtime], modules: [module], sideConsumers: [new BusTimeline(platform.bus, platform.readModels)] };
    }
    const module = TimelineModule.register(logTimelineQueries(platform.readModels));
    const runtime: ServiceRuntime = { name: 'timeline', projections: [timelineProjection], timerPolicies: [], fireTimer: async () => undefined };
    return { name: 'timeline', runtimes: [runtime], modules: [module], sideConsumers: [] };
  },
};
