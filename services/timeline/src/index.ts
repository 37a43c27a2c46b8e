/*
 * @aftersales/timeline: the read model of everything that happened to an order across every service
 * (GET /orders/{orderId}/timeline).
 */
export { TIMELINE_COLLECTION, type TimelineEntry } from './timeline/domain/timeline-entry';
export { orderTimeline, type KeyedEntry, type TimelineSortKey } from './timeline/domain/timeline-order';
export * from './timeline/application/timeline.queries';
export { timelineProjection } from './timeline/projections/timeline.projection';
export { BusTimeline, busTimelineView, TIMELINE_GROUP } from './timeline/projections/bus-timeline.projection';
export { TimelineModule } from './timeline/http/timeline.module';
export { TimelineController } from './timeline/http/timeline.controller';
export * from './service-definition';
