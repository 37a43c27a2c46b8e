import { partitionKeyOf } from '@aftersales/contracts';
import type { Projection, RecordedEvent, UnitOfWork } from '@aftersales/kernel';
import { partiesOf, TIMELINE_COLLECTION, TIMELINE_PARTIES, timelineEntryOf } from '../domain/timeline-entry';

/**
 * Everything that happened to one order, across every service, in log order: who, when and why. One row per event
 * under the order, numbered by its log position, so an event applied again writes the same row and nothing is read.
 */
export const timelineProjection: Projection = {
  name: 'timelines',
  collections: [TIMELINE_COLLECTION, TIMELINE_PARTIES],
  handles: () => true,
  apply(event: RecordedEvent, uow: UnitOfWork) {
    const entry = timelineEntryOf(event, event.position);
    uow.putRow(TIMELINE_COLLECTION, partitionKeyOf(event.data), event.position, { ...entry });
    const parties = partiesOf(event);
    if (parties) uow.put(TIMELINE_PARTIES, parties);
  },
};
