import { invalid, withoutUndefined, type ReadModelStore } from '@aftersales/kernel';
import { WorkItemKinds, type WorkItem, type WorkItemKind } from '../domain/work-item';
import { slaBreachesQueries, type SlaBreachesPerDay, type SlaBreachesQuery } from './sla-breaches.queries';
import { itemOfDocument, WORK_QUEUE_COLLECTION, type WorkItemDocument } from '../projections/work-queue.document';

export const DEFAULT_WORK_QUEUE_PAGE = 50;
export const MAX_WORK_QUEUE_PAGE = 200;

/** GET /work-queue after the caller's scope was applied: `shopIds` undefined means every shop. */
export interface WorkQueueQuery {
  shopIds?: readonly string[];
  kind?: WorkItemKind;
  assigneeId?: string;
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

export interface WorkQueuePage {
  items: WorkItem[];
  nextCursor?: string;
  counts?: WorkQueueCounts;
}

export interface KindCount {
  total: number;
  overdue: number;
}

/** The open items of a scope, per kind: what a queue's tabs show whichever page or kind is on screen. */
export interface WorkQueueCounts extends KindCount {
  byKind: Record<WorkItemKind, KindCount>;
}

/** The scope counts are taken in: the caller's shops and an assignee; kind, overdue and paging do not narrow them. */
export type WorkQueueCountScope = Pick<WorkQueueQuery, 'shopIds' | 'assigneeId'>;

export interface WorkQueueQueries {
  page(query: WorkQueueQuery): Promise<WorkQueuePage>;
  counts(scope: WorkQueueCountScope): Promise<WorkQueueCounts>;
  /** GET /work-queue/sla-breaches: the breaches the cases and follow-ups recorded, per day and metric. */
  slaBreaches(query: SlaBreachesQuery): Promise<SlaBreachesPerDay>;
}

/** Documents read per store page while counting (the stores' largest page). */
const COUNT_PAGE = 500;

/**
 * Reads the queue documents, whose ids are their sort keys: a page per shop (in id order, that is due order) after
 * the cursor, merged. The cursor is the last sort key shown, so items that come or go between pages shift nothing.
 */
export function workQueueQueries(readModels: ReadModelStore): WorkQueueQueries {
  const breaches = slaBreachesQueries(readModels);
  return {
    slaBreaches: (query) => breaches.perDay(query),
    async page({ shopIds, kind, assigneeId, overdue, limit, cursor }) {
      const size = Math.min(MAX_WORK_QUEUE_PAGE, Math.max(1, Math.floor(limit ?? DEFAULT_WORK_QUEUE_PAGE)));
      const after = cursor === undefined ? undefined : decodeAfter(cursor);
      const filters = withoutUndefined({ kind, assigneeId, overdue }) as Record<string, string | boolean>;
      const range = after === undefined ? undefined : { field: 'id', from: `${after}\u0000` };
      const scopes = shopIds === undefined ? [undefined] : shopIds;
      const pages = await Promise.all(
        scopes.map((shopId) =>
          readModels.find<WorkItemDocument>(WORK_QUEUE_COLLECTION, {
            where: shopId === undefined ? filters : { ...filters, shopId },
            ...(range ? { range } : {}),
            limit: size + 1,
          }),
        ),
      );
      const docs = pages.flatMap((page) => page.items).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const shown = docs.slice(0, size);
      const more = docs.length > size;
      return withoutUndefined({ items: shown.map(itemOfDocument), nextCursor: more && shown.length > 0 ? encodeAfter(shown.at(-1)!.id) : undefined });
    },

    /** Reads every open item of the scope (a queue holds what waits today: tens to hundreds per shop), counting as it goes. */
    async counts({ shopIds, assigneeId }) {
      const counts: WorkQueueCounts = { total: 0, overdue: 0, byKind: Object.fromEntries(WorkItemKinds.map((kind) => [kind, { total: 0, overdue: 0 }])) as Record<WorkItemKind, KindCount> };
      const filters = withoutUndefined({ assigneeId }) as Record<string, string>;
      for (const shopId of shopIds === undefined ? [undefined] : shopIds) {
        let cursor: string | undefined;
        do {
          const page = await readModels.find<WorkItemDocument>(WORK_QUEUE_COLLECTION, {
            where: shopId === undefined ? filters : { ...filters, shopId },
            limit: COUNT_PAGE,
            ...(cursor ? { cursor } : {}),
          });
          for (const doc of page.items) {
            const kind = counts.byKind[doc.kind];
            if (!kind) continue;
            counts.total += 1;
            kind.total += 1;
            if (doc.overdue) {
              counts.overdue += 1;
              kind.overdue += 1;
            }
          }
          cursor = page.nextCursor;
        } while (cursor);
      }
      return counts;
    },
  };
}

const encodeAfter = (sortKey: string): string => Buffer.from(`after:${sortKey}`, 'utf8').toString('base64url');

function decodeAfter(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('after:') || encodeAfter(decoded.slice(6)) !== cursor) {
    throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  }
  return decoded.slice(6);
}
