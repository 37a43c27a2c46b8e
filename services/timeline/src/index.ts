/*
 * @aftersales/timeline: the read models across every service: everything that happened to an order
 * (GET /orders/{orderId}/timeline, ?asOf) and what waits on each shop (GET /work-queue).
 */
export { TIMELINE_COLLECTION, type TimelineEntry } from './timeline/domain/timeline-entry';
export { orderTimeline, type KeyedEntry, type TimelineSortKey } from './timeline/domain/timeline-order';
export * from './timeline/application/timeline.queries';
export { timelineProjection } from './timeline/projections/timeline.projection';
export { BusTimeline, busTimelineView, TIMELINE_GROUP } from './timeline/projections/bus-timeline.projection';
export { TimelineModule } from './timeline/http/timeline.module';
export { TimelineController } from './timeline/http/timeline.controller';
export { workQueueProjection } from './work-queue/projections/work-queue.projection';
export { BusWorkQueue, busWorkQueueView, WORK_QUEUE_GROUP } from './work-queue/projections/bus-work-queue.projection';
export { workQueueQueries, type WorkQueueCounts, type WorkQueueQueries, type WorkQueuePage, type WorkQueueQuery } from './work-queue/application/work-queue.queries';
export { WORK_SOURCES, WORK_QUEUE_EVENT_TYPES } from './work-queue/domain/work-sources';
export type { WorkItem, WorkItemKind } from './work-queue/domain/work-item';
export { WorkQueueModule } from './work-queue/http/work-queue.module';
export * from './service-definition';
