import type { RecordedEvent } from '@aftersales/kernel';

/**
 * The events this process appended last. It is its namespace's only writer, so they are the log's tail: followers
 * (projections, timers, bus groups, the publisher) that read right behind the head after every append are answered
 * from memory instead of a `$all` read on the server. Positions are gap-free, so an event's index is its position
 * minus the first one's. Each read hands out copies: a reader may not change what the next one gets.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];

  constructor(private readonly capacity = 4_096) {}

  /** Events just appended, right after those held (else the tail starts over from them). */
  add(events: RecordedEvent[]): void {
    if (events.length === 0 || this.capacity === 0) return;
    const last = this.events[this.events.length - 1];
    if (last && last.position + 1 !== events[0].position) this.events = [];
    for (const event of events) this.events.push(event);
    // trimmed by halves, so the copy is paid once per `capacity` events, not on every append
    if (this.events.length > 2 * this.capacity) this.events = this.events.slice(this.events.length - this.capacity);
  }

  /** The events after `position` (up to `limit`, those `accept` takes), or undefined when the tail does not reach back that far. */
  read(position: number, limit: number, accept: (event: RecordedEvent) => boolean = () => true): RecordedEvent[] | undefined {
    if (this.events.length === 0) return undefined;
    const index = position + 1 - this.events[0].position;
    if (index < 0 || index > this.events.length) return undefined;
    const found: RecordedEvent[] = [];
    for (let i = index; i < this.events.length && found.length < limit; i++)
      if (accept(this.events[i])) found.push(structuredClone(this.events[i]));
    return found;
  }
}
