import type { ServiceRuntime } from '@aftersales/kernel';
import type { ServiceDefinition } from '@aftersales/nest';
import { busTimelineQueries, logTimelineQueries } from './timeline/application/timeline.queries';
import { TimelineModule } from './timeline/http/timeline.module';
import { BusTimeline, busTimelineView } from './timeline/projections/bus-timeline.projection';
import { timelineProjection } from './timeline/projections/timeline.projection';
import { workQueueQueries } from './work-queue/application/work-queue.queries';
import { WorkQueueModule } from './work-queue/http/work-queue.module';
import { BusWorkQueue, busWorkQueueView } from './work-queue/projections/bus-work-queue.projection';
import { workQueueProjection } from './work-queue/projections/work-queue.projection';

/**
 * The read models across services: every order's events (the timeline) and what waits on each shop (the work queue).
 * Embedded: projections over the shared log (positions are log positions). Kafka: each service has its own log, so
 * they are fed by consumer groups `timeline` (every topic) and `work-queue` (the topics of the queue's sources).
 */
export const timelineServiceDefinition: ServiceDefinition = {
  name: 'timeline',
  resources: ['timeline', 'work-queue'],
  build({ platform, bus }) {
    if (bus === 'kafka') {
      const modules = [TimelineModule.register(busTimelineQueries(platform.readModels)), WorkQueueModule.register(workQueueQueries(platform.readModels))];
      const runtime: ServiceRuntime = {
        name: 'timeline',
        projections: [],
        busFedViews: [busTimelineView, busWorkQueueView],
        timerPolicies: [],
        fireTimer: async () => undefined,
      };
      const sideConsumers = [new BusTimeline(platform.bus, platform.readModels), new BusWorkQueue(platform.bus, platform.readModels)];
      return { name: 'timeline', runtimes: [runtime], modules, sideConsumers };
    }
    const modules = [TimelineModule.register(logTimelineQueries(platform.readModels)), WorkQueueModule.register(workQueueQueries(platform.readModels))];
    const runtime: ServiceRuntime = { name: 'timeline', projections: [timelineProjection, workQueueProjection], timerPolicies: [], fireTimer: async () => undefined };
    return { name: 'timeline', runtimes: [runtime], modules, sideConsumers: [] };
  },
};
