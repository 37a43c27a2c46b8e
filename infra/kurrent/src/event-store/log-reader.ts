import { BACKWARDS, END, FORWARDS, START, streamNameFilter, type Filter, type KurrentDBClient, type Position, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { decodeEvent, type DecodedEvent } from './event-codec';
import { LogAnchors } from './log-anchors';
import { collect } from './server-reads';
import type { StreamNames } from './stream-names';

/**
 * Reads the store's log, `$all` filtered to the namespace (or by a filter the caller gives), by envelope position:
 * from the nearest anchor, page by page (see log-anchors.ts).
 */
export class LogReader {
  readonly anchors = new LogAnchors();
  readonly namespaceFilter: Filter;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
    private readonly pageSize: number,
  ) {
    this.namespaceFilter = streamNameFilter({ prefixes: [names.eventPrefix] });
  }

  /** The namespace's last event (read backwards from the end of `$all`), anchored; undefined for an empty log. */
  async last(): Promise<DecodedEvent | undefined> {
    const [last] = await collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: this.namespaceFilter }));
    const decoded = last ? this.decode(last) : undefined;
    if (decoded) this.anchors.add(decoded.event.position + 1, last.event!.position!);
    return decoded;
  }

  /**
   * Up to `limit` of this store's events after `afterPosition`, in log order: reads `$all` forwards from the nearest
   * anchor, page by page, skipping what lies at or before `afterPosition` and other namespaces' streams.
   */
  async read(afterPosition: number, limit: number, filter: Filter = this.namespaceFilter): Promise<DecodedEvent[]> {
    const anchor = this.anchors.fromFor(afterPosition + 1);
    let from: Position | undefined = anchor.from;
    let passed = afterPosition;
    const found: DecodedEvent[] = [];
    // the events between the anchor and afterPosition are read and skipped, plus the anchor's own event (inclusive read)
    const pageSize = Math.min(this.pageSize, Math.max(2, afterPosition + 2 - anchor.firstPosition + limit));
    for (;;) {
      const page = await collect(this.client.readAll({ direction: FORWARDS, fromPosition: from ?? START, maxCount: pageSize, filter }));
      for (const resolved of page) {
        const decoded = this.decode(resolved);
        if (!decoded || decoded.event.position <= passed) continue;
        passed = decoded.event.position;
        found.push(decoded);
        if (found.length === limit) {
          this.anchors.add(passed + 1, resolved.event!.position!);
          return found;
        }
      }
      if (page.length < pageSize) return found;
      from = page[page.length - 1].event!.position!;
    }
  }

  private decode(resolved: ResolvedEvent): DecodedEvent | undefined {
    const streamId = resolved.event ? this.names.streamIdOf(resolved.event.streamId) : undefined;
    return streamId === undefined ? undefined : decodeEvent(resolved.event!, streamId);
  }
}
