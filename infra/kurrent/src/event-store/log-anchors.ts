import type { Position } from '@kurrent/kurrentdb-client';

/**
 * Where in `$all` to start reading for an envelope position. The envelope's position is this store's own gap-free
 * count (1, 2, 3… in append order, kept in each event's metadata); the server's `$all` position is a byte offset
 * (commit/prepare) shared with every other namespace. An anchor says "every event of this store from `firstPosition`
 * on lies at or after `from` in `$all`": the store learns one from each append (the position the server answered)
 * and from each event it reads. A read after position p starts from the nearest anchor at or below p + 1 and skips
 * what it has already passed, so no full index of the log is kept and nothing is scanned at open.
 */
export class LogAnchors {
  private readonly firstPositions: number[] = [1];
  private readonly froms: (Position | undefined)[] = [undefined];

  /** `from` undefined: the start of `$all`. */
  add(firstPosition: number, from: Position): void {
    const last = this.firstPositions[this.firstPositions.length - 1];
    if (firstPosition > last) {
      this.firstPositions.push(firstPosition);
      this.froms.push(from);
    }
  }

  /** The `$all` position to read from for the event at `position` (undefined: from the start). */
  fromFor(position: number): { firstPosition: number; from: Position | undefined } {
    let low = 0;
    let high = this.firstPositions.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firstPositions[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return { firstPosition: this.firstPositions[low], from: this.froms[low] };
  }
}
