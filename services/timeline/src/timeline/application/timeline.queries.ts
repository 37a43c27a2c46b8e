import { invalid, type Page, type ReadModelStore, type Row } from '@aftersales/kernel';
import { TIMELINE_COLLECTION, TIMELINE_PARTIES, type OrderPartiesDoc, type TimelineEntry } from '../domain/timeline-entry';
import { orderTimeline, type KeyedEntry } from '../domain/timeline-order';
import { entriesAsOf, streamsAsOf, type StreamAsOf } from '../domain/timeline-as-of';

export const DEFAULT_TIMELINE_PAGE = 100;
export const MAX_TIMELINE_PAGE = 500;

export interface TimelinePageQuery {
  limit?: number;
  cursor?: string;
  /** Only what was recorded at or before this instant (ISO 8601): the order, its refunds and cases as they stood then. */
  asOf?: string;
}

/** GET /orders/{orderId}/timeline: a page of the entries, in order; `revision` is the position of the newest entry. */
export interface TimelinePage {
  orderId: string;
  revision: number;
  entries: TimelineEntry[];
  nextCursor?: string;
  /** With `?asOf`: the instant asked for, and each stream of the order (order, refunds, cases…) as it stood then. */
  asOf?: string;
  streams?: StreamAsOf[];
}

/** How the process reads a timeline; undefined for an order with no entry. */
export interface TimelineQueries {
  page(orderId: string, query: TimelinePageQuery): Promise<TimelinePage | undefined>;
  /** Whose order it is (the edge's ownership check); undefined for an order the timeline has not seen placed. */
  orderParties(orderId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
}

const partiesIn = (readModels: ReadModelStore) => async (orderId: string) => {
  const doc = await readModels.get<OrderPartiesDoc>(TIMELINE_PARTIES, orderId);
  return doc ? { buyerId: doc.buyerId, shopId: doc.shopId } : undefined;
};

/** GET /orders/{orderId}/timeline?asOf: where the entries up to the instant are filtered and paged in one place. */
const asOfPage = (orderId: string, ordered: readonly TimelineEntry[], { asOf, limit, cursor }: TimelinePageQuery & { asOf: string }): TimelinePage | undefined => {
  const instant = new Date(asOf).toISOString();
  const then = entriesAsOf(ordered, instant);
  if (then.length === 0) return undefined;
  const from = cursor === undefined ? 0 : decodePlace(cursor);
  const entries = then.slice(from, from + pageLimit(limit));
  const end = from + entries.length;
  const page = { orderId, revision: then.at(-1)!.position, entries, asOf: instant, streams: streamsAsOf(then) };
  return withNext(page, end < then.length ? encodePlace(end) : undefined);
};

const pageLimit = (limit: number | undefined): number => Math.min(MAX_TIMELINE_PAGE, Math.max(1, Math.floor(limit ?? DEFAULT_TIMELINE_PAGE)));

/** Fed by the log projection: entries are rows numbered by log position, so a page is one range of rows. */
export function logTimelineQueries(readModels: ReadModelStore): TimelineQueries {
  return {
    orderParties: partiesIn(readModels),
    async page(orderId, { limit, cursor, asOf }) {
      if (asOf !== undefined) {
        const rows = await allRows<TimelineEntry>(readModels, orderId);
        return asOfPage(orderId, rows.map((row) => row.value), { asOf, limit, cursor });
      }
      const page = await readModels.rows<TimelineEntry>(TIMELINE_COLLECTION, orderId, { limit: pageLimit(limit), cursor });
      const lastOfPage = page.nextCursor ? undefined : page.items.at(-1);
      const newest = lastOfPage ?? (await readModels.rows(TIMELINE_COLLECTION, orderId, { limit: 1, newestFirst: true })).items[0];
      if (!newest) return undefined;
      return withNext({ orderId, revision: newest.seq, entries: page.items.map((row) => row.value) }, page.nextCursor);
    },
  };
}

/**
 * Fed by the bus: the order of the entries depends on all of them (a late arrival moves later ones), so every row of
 * the order is read and ordered, and the cursor is a place in that order.
 */
export function busTimelineQueries(readModels: ReadModelStore): TimelineQueries {
  return {
    orderParties: partiesIn(readModels),
    async page(orderId, { limit, cursor, asOf }) {
      const rows = await allRows<KeyedEntry>(readModels, orderId);
      if (rows.length === 0) return undefined;
      const ordered = orderTimeline(rows.map((row) => row.value));
      if (asOf !== undefined) return asOfPage(orderId, ordered, { asOf, limit, cursor });
      const from = cursor === undefined ? 0 : decodePlace(cursor);
      const entries = ordered.slice(from, from + pageLimit(limit));
      const end = from + entries.length;
      return withNext({ orderId, revision: ordered.length, entries }, end < ordered.length ? encodePlace(end) : undefined);
    },
  };
}

async function allRows<T>(readModels: ReadModelStore, orderId: string): Promise<Row<T>[]> {
  const rows: Row<T>[] = [];
  let next: Page<Row<T>> | undefined;
  do {
    next = await readModels.rows<T>(TIMELINE_COLLECTION, orderId, { limit: MAX_TIMELINE_PAGE, cursor: next?.nextCursor });
    rows.push(...next.items);
  } while (next.nextCursor);
  return rows;
}

const withNext = (page: TimelinePage, nextCursor: string | undefined): TimelinePage => (nextCursor ? { ...page, nextCursor } : page);

const encodePlace = (place: number): string => Buffer.from(`place:${place}`, 'utf8').toString('base64url');

function decodePlace(cursor: string): number {
  const match = /^place:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodePlace(Number(match[1])) !== cursor) {
    throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  }
  return Number(match[1]);
}
