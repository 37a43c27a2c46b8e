import { topicForEventType } from '@aftersales/contracts';
import { partitionKeyOf } from '@aftersales/contracts';
import type { Projection, RecordedEvent } from '@aftersales/kernel';
import type { TimelineDocument, TimelineEntry } from '../domain/timeline-entry';

const serviceOf = (type: string): string => topicForEventType(type).split('.')[1];

/** Everything that happened to one order, across every service, in log order: who, when and why. */
export const timelineProjection: Projection = {
  name: 'timelines',
  collections: ['timelines'],
  handles: () => true,
  async apply(event: RecordedEvent, uow) {
    const orderId = partitionKeyOf(event.data);
    const doc = (await uow.get<TimelineDocument>('timelines', orderId)) ?? { id: orderId, orderId, entries: [] };
    if (doc.entries.some((entry) => entry.position >= event.position)) return; // already applied
    const entry: TimelineEntry = {
      position: event.position,
      eventId: event.eventId,
      type: event.type,
      service: serviceOf(event.type),
      streamId: event.streamId,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId,
    };
    uow.put('timelines', { ...doc, entries: [...doc.entries, entry] });
  },
};
