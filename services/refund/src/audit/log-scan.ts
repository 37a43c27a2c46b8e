import type { EventStore, RecordedEvent } from '@aftersales/kernel';
import { isOrderFactEvent } from '../compensation/domain';
import type { DecisionEvent } from './recompute';

export interface CompensationLog {
  decisions: DecisionEvent[];
  /** The events a decision may be computed from, by id. */
  sources: Map<string, RecordedEvent>;
  eventsRead: number;
}

/** One pass over the whole log: every CompensationDecided, and every order fact event a decision could name. */
export async function scanCompensationLog(store: EventStore, batchSize = 5000): Promise<CompensationLog> {
  const decisions: DecisionEvent[] = [];
  const sources = new Map<string, RecordedEvent>();
  let position = 0;
  let eventsRead = 0;
  for (;;) {
    const events = await store.readAll(position, batchSize);
    if (events.length === 0) return { decisions, sources, eventsRead };
    for (const event of events) {
      if (event.type === 'CompensationDecided') decisions.push(event as DecisionEvent);
      else if (isOrderFactEvent(event.type)) sources.set(event.eventId, event);
    }
    eventsRead += events.length;
    position = events[events.length - 1].position;
  }
}
