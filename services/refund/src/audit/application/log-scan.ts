import type { EventStore, ReadModelStore } from '@aftersales/kernel';
import type { DecisionEvent, SourceEvent } from '../domain/recompute';
import { SOURCE_EVENTS_COLLECTION, type SourceEventDoc } from '../projections/source-events.projection';

export interface CompensationLog {
  decisions: DecisionEvent[];
  eventsRead: number;
}

/** One pass over the service's log: every CompensationDecided. */
export async function scanCompensationLog(store: EventStore, batchSize = 5000): Promise<CompensationLog> {
  const decisions: DecisionEvent[] = [];
  let position = 0;
  let eventsRead = 0;
  for (;;) {
    const events = await store.readAll(position, batchSize);
    if (events.length === 0) return { decisions, eventsRead };
    for (const event of events) {
      if (event.type === 'CompensationDecided') decisions.push(event as DecisionEvent);
    }
    eventsRead += events.length;
    position = events[events.length - 1].position;
  }
}

/** The order events the decisions name, by id, from the service's `compensation_source_events` view; unknown ids are absent. */
export async function loadSourceEvents(readModels: ReadModelStore, decisions: DecisionEvent[]): Promise<Map<string, SourceEvent>> {
  const sources = new Map<string, SourceEvent>();
  for (const id of new Set(decisions.flatMap((decision) => decision.data.basedOn))) {
    const doc = await readModels.get<SourceEventDoc>(SOURCE_EVENTS_COLLECTION, id);
    if (doc) sources.set(id, { eventId: doc.id, type: doc.type, orderId: doc.orderId, revision: doc.revision, occurredAt: doc.occurredAt, data: doc.data });
  }
  return sources;
}
