import type { DisputeCaseEvent } from '@aftersales/contracts';
import type { Document, Page, RecordedEvent } from '@aftersales/kernel';
import { evolveDispute, type DisputeState } from '../domain';
import {
  caseOfDocument,
  caseView,
  DISPUTE_QUEUE_COLLECTION,
  DISPUTES_COLLECTION,
  type DisputeCaseDocument,
  type DisputeCaseView,
  type DisputeQueueRow,
} from '../projections';
import type { CaseDeps, ListCasesQuery } from './cases.types';
import { disputeStreamId } from './dispute-handler';
import { orderFactsOf } from './intake.commands';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export interface CaseQueries {
  /** The case from the `disputes` read model; with `asOf`, its stream folded up to that instant. */
  getCase(disputeId: string, asOf?: string): Promise<DisputeCaseView | undefined>;
  /** The case's stream, each event in its envelope; [] for an unknown case. */
  caseStream(disputeId: string): Promise<RecordedEvent[]>;
  listCasesByOrder(orderId: string): Promise<{ items: DisputeCaseView[] }>;
  /** Cases ordered by their next deadline (overdue ones by the deadline they missed), in the caller's scope. */
  listCases(query: ListCasesQuery): Promise<Page<DisputeCaseView>>;
  caseParties(disputeId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
  orderParties(orderId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
}

/** The case as it stood at `asOf`: every event that occurred by then, folded with the decider's evolve. */
export function caseAsOf(events: readonly RecordedEvent[], asOf: string): DisputeCaseView | undefined {
  const until = Date.parse(asOf);
  let state: DisputeState = null;
  let revision = -1;
  for (const event of events) {
    if (Date.parse(event.occurredAt) > until) break;
    state = evolveDispute(state, event as unknown as DisputeCaseEvent);
    revision = event.revision;
  }
  return state ? caseView(state, revision) : undefined;
}

export function caseQueries(deps: CaseDeps): CaseQueries {
  const { readModels, eventStore } = deps.platform;
  const viewOf = (doc: DisputeCaseDocument) => caseView(caseOfDocument(doc), doc.revision);
  const caseStream = (disputeId: string) => eventStore.readStream(disputeStreamId(disputeId), 0);

  async function queuePage(query: ListCasesQuery): Promise<Page<DisputeQueueRow>> {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    const where: Record<string, string | boolean> = {};
    if (query.status) where.status = query.status;
    if (query.assigneeId) where.assigneeId = query.assigneeId;
    if (query.overdue !== undefined) where.overdue = query.overdue;
    if (query.buyerId) where.buyerId = query.buyerId;
    const range = query.cursor ? { field: 'id', from: `${query.cursor}\u0000` } : undefined;
    const shops: (string | undefined)[] = query.shopIds ? [...query.shopIds] : [undefined];
    // One page per shop, merged in deadline order: the cursor is the queue key of the last case shown.
    const pages = await Promise.all(
      shops.map((shopId) => readModels.find<DisputeQueueRow & Document>(DISPUTE_QUEUE_COLLECTION, { where: shopId ? { ...where, shopId } : where, range, limit })),
    );
    const rows = pages.flatMap((p) => p.items).sort((a, b) => a.id.localeCompare(b.id));
    const items = rows.slice(0, limit);
    const more = rows.length > limit || pages.some((p) => p.nextCursor !== undefined);
    return { items, ...(more && items.length > 0 ? { nextCursor: items[items.length - 1].id } : {}) };
  }

  return {
    async getCase(disputeId, asOf) {
      if (asOf !== undefined) return caseAsOf(await caseStream(disputeId), asOf);
      const doc = await readModels.get<DisputeCaseDocument>(DISPUTES_COLLECTION, disputeId);
      return doc ? viewOf(doc) : undefined;
    },
    caseStream,
    async listCasesByOrder(orderId) {
      const found = await readModels.find<DisputeCaseDocument>(DISPUTES_COLLECTION, { where: { orderId }, limit: MAX_LIMIT });
      const items = [...found.items].sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id));
      return { items: items.map(viewOf) };
    },
    async listCases(query) {
      if (query.shopIds && query.shopIds.length === 0) return { items: [] };
      const page = await queuePage(query);
      const docs = await Promise.all(page.items.map((row) => readModels.get<DisputeCaseDocument>(DISPUTES_COLLECTION, row.disputeId)));
      return { items: docs.filter((d): d is DisputeCaseDocument => d !== undefined).map(viewOf), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
    async caseParties(disputeId) {
      const { state } = await deps.handler.load(disputeStreamId(disputeId));
      return state ? { buyerId: state.buyerId, shopId: state.shopId } : undefined;
    },
    async orderParties(orderId) {
      const facts = await orderFactsOf(deps, orderId);
      return facts ? { buyerId: facts.buyerId, shopId: facts.shopId } : undefined;
    },
  };
}
