import type { Document, Page, RecordedEvent } from '@aftersales/kernel';
import {
  FOLLOW_UP_QUEUE_COLLECTION,
  FOLLOW_UPS_COLLECTION,
  followUpOfDocument,
  followUpStatusOf,
  followUpView,
  isOverdue,
  type FollowUpDocument,
  type FollowUpQueueRow,
  type FollowUpView,
} from '../projections';
import { followUpStreamId } from './follow-up-handler';
import type { FollowUpDeps, ListFollowUpsQuery } from './follow-ups.types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export interface FollowUpQueries {
  getFollowUp(followUpId: string): Promise<FollowUpView | undefined>;
  followUpStream(followUpId: string): Promise<RecordedEvent[]>;
  /** Follow-ups ordered by their next deadline (closed ones last), in the caller's scope. */
  listFollowUps(query: ListFollowUpsQuery): Promise<Page<FollowUpView>>;
  followUpParties(followUpId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
}

export function followUpQueries(deps: FollowUpDeps): FollowUpQueries {
  const { readModels, eventStore } = deps.platform;

  async function queuePage(query: ListFollowUpsQuery): Promise<Page<FollowUpQueueRow>> {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    const where: Record<string, string | boolean> = {};
    if (query.status) where.status = query.status;
    if (query.overdue !== undefined) where.overdue = query.overdue;
    if (query.buyerId) where.buyerId = query.buyerId;
    const range = query.cursor ? { field: 'id', from: `${query.cursor}\u0000` } : undefined;
    const shops: (string | undefined)[] = query.shopIds ? [...query.shopIds] : [undefined];
    // One page per shop, merged in deadline order: the cursor is the queue key of the last follow-up shown.
    const pages = await Promise.all(
      shops.map((shopId) => readModels.find<FollowUpQueueRow & Document>(FOLLOW_UP_QUEUE_COLLECTION, { where: shopId ? { ...where, shopId } : where, range, limit })),
    );
    const rows = pages.flatMap((p) => p.items).sort((a, b) => a.id.localeCompare(b.id));
    const items = rows.slice(0, limit);
    const more = rows.length > limit || pages.some((p) => p.nextCursor !== undefined);
    return { items, ...(more && items.length > 0 ? { nextCursor: items[items.length - 1].id } : {}) };
  }

  /** An order's follow-ups (the case file): found by order id, then narrowed to the caller's scope and the filters. */
  async function orderFollowUps(orderId: string, query: ListFollowUpsQuery): Promise<FollowUpView[]> {
    const found = await readModels.find<FollowUpDocument>(FOLLOW_UPS_COLLECTION, { where: { orderId }, limit: MAX_LIMIT });
    return found.items
      .map((doc) => ({ followUp: followUpOfDocument(doc), revision: doc.revision }))
      .filter(({ followUp }) => (query.shopIds === undefined || query.shopIds.includes(followUp.shopId)) && (query.buyerId === undefined || followUp.buyerId === query.buyerId))
      .filter(({ followUp }) => (query.status === undefined || followUpStatusOf(followUp) === query.status) && (query.overdue === undefined || isOverdue(followUp) === query.overdue))
      .map(({ followUp, revision }) => followUpView(followUp, revision));
  }

  return {
    async getFollowUp(followUpId) {
      // One follow-up is read from its stream (the handler's cached fold): a read right after a command sees it.
      const { state, revision } = await deps.handler.load(followUpStreamId(followUpId));
      return state ? followUpView(state, revision) : undefined;
    },
    followUpStream: (followUpId) => eventStore.readStream(followUpStreamId(followUpId), 0),
    async listFollowUps(query) {
      if (query.orderId !== undefined) return { items: await orderFollowUps(query.orderId, query) };
      const page = await queuePage(query);
      const docs = await Promise.all(page.items.map((row) => readModels.get<FollowUpDocument>(FOLLOW_UPS_COLLECTION, row.followUpId)));
      const items = docs.filter((d): d is FollowUpDocument => d !== undefined).map((d) => followUpView(followUpOfDocument(d), d.revision));
      return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
    async followUpParties(followUpId) {
      const { state } = await deps.handler.load(followUpStreamId(followUpId));
      return state ? { buyerId: state.buyerId, shopId: state.shopId } : undefined;
    },
  };
}
