import { partitionKeyOf } from '@aftersales/contracts';
import type { Projection, RecordedEvent } from '@aftersales/kernel';
import { timelineEntryOf, type TimelineDocument } from '../domain/timeline-entry';

/** Everything that happened to one order, across every service, in log order: who, when and why. */
export const timelineProjection: Projection = {
  name: 'timelines',
  collections: ['timelines'],
  handles: () => true,
  async apply(event: RecordedEvent, uow) {
    const orderId = partitionKeyOf(event.data);
    const doc = (await uow.get<TimelineDocument>('timelines', orderId)) ?? { id: orderId, orderId, entries: [] };
    if (doc.entries.some((entry) => entry.position >= event.position)) return; // already applied
    const entry = timelineEntryOf(event, event.position);
    uow.put('timelines', { ...doc, entries: [...doc.entries, entry] });
  },
};
