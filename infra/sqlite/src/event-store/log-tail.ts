import type { EventValues } from './event-log-schema';

/**
 * The rows this store committed last, as they were written (the values a SELECT gives back). Followers of the log
 * (projections, timers, bus groups) read right behind the head after every append; they are answered from here
 * instead of querying the file for rows that were just written. Positions are gap-free, so a row's index is its
 * position minus the first one's. Only committed rows are added, so nothing is seen here that the file lacks.
 * Rows are held only while a follower reads within `capacity` of the head: a store nobody follows in this process
 * (or whose followers are all far behind) keeps no rows alive, which the garbage collector would copy for nobody.
 */
export class LogTail {
  private rows: EventValues[] = [];
  /** The furthest position a follower has read after. */
  private followedTo = Number.NEGATIVE_INFINITY;

  constructor(private readonly capacity = 4_096) {}

  /** Rows just committed, in position order, right after those already held (else the tail starts over). */
  add(rows: EventValues[]): void {
    if (rows.length === 0) return;
    if (rows[0][0] - 1 - this.followedTo > this.capacity) {
      this.rows = [];
      return;
    }
    const last = this.rows[this.rows.length - 1];
    if (last && last[0] + 1 !== rows[0][0]) this.rows = [];
    for (const row of rows) this.rows.push(row);
    // trimmed by halves, so the copy is paid once per `capacity` rows, not on every commit
    if (this.rows.length > 2 * this.capacity) this.rows = this.rows.slice(this.rows.length - this.capacity);
  }

  clear(): void {
    this.rows = [];
  }

  /** The rows after `position` (up to `limit`), or undefined when the tail does not reach back that far. */
  read(position: number, limit: number): EventValues[] | undefined {
    if (position > this.followedTo) this.followedTo = position;
    if (this.rows.length === 0) return undefined;
    const index = position + 1 - this.rows[0][0];
    if (index < 0 || index > this.rows.length) return undefined;
    return this.rows.slice(index, index + limit);
  }
}
