import type { DisputeCase } from '../domain';

/** The `disputes` collection: each case folded with the decider's own evolve, with its revision and queue keys. */
export const DISPUTES_COLLECTION = 'disputes';
/** The `dispute_queue` collection: one row per case, its id the case's next deadline then its id (lists sort by it). */
export const DISPUTE_QUEUE_COLLECTION = 'dispute_queue';

/**
 * The `dispute_open_cases` collection: per order and category (`<orderId>|<category>`), the cases still open. Intake
 * looks one document up by key instead of searching the `disputes` collection, whose search grows with every case.
 */
export const DISPUTE_OPEN_CASES_COLLECTION = 'dispute_open_cases';

export interface DisputeOpenCasesDoc {
  id: string;
  disputeIds: string[];
  [field: string]: unknown;
}

export const openCasesKeyOf = (orderId: string, category: string): string => `${orderId}|${category}`;

/** Sorts after every ISO time: a case with no deadline comes last in the queue. */
const NO_DEADLINE = '~';

export type DisputeCaseDocument = DisputeCase & {
  revision: number;
  /** The earliest deadline the case waits on, a breached one included; absent when none runs. */
  nextDeadlineAt?: string;
  overdue: boolean;
  queueKey: string;
  [field: string]: unknown;
};

export interface DisputeQueueRow {
  id: string;
  disputeId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  status: string;
  assigneeId: string | null;
  overdue: boolean;
  nextDeadlineAt: string | null;
  [field: string]: unknown;
}

export const caseEnded = (c: DisputeCase): boolean => c.status === 'resolved' || c.status === 'closed';

/**
 * Overdue: a deadline passed and what it waited for has not happened yet — the first response still unwritten, the
 * case still unresolved after its resolution deadline, requested evidence missing while the case is in arbitration.
 */
export function isOverdue(c: DisputeCase): boolean {
  if (caseEnded(c)) return false;
  const breached = (metric: string) => c.slaBreaches.some((b) => b.metric === metric);
  if (breached('first_response') && !c.firstResponseMet) return true;
  if (breached('resolution') && c.status !== 'ruled') return true;
  return c.status === 'arbitration' && c.evidenceRequests.some((r) => r.overdue);
}

/** The earliest deadline of the case: running ones, and the breached ones it is still overdue on. */
export function nextDeadlineOf(c: DisputeCase): string | undefined {
  if (caseEnded(c)) return undefined;
  const dues: string[] = Object.values(c.deadlines).map((d) => d.dueAt);
  if (c.status === 'arbitration') dues.push(...c.evidenceRequests.filter((r) => r.submittedAt === undefined).map((r) => r.dueAt));
  if (isOverdue(c)) dues.push(...c.slaBreaches.filter((b) => b.metric !== 'evidence').map((b) => b.dueAt));
  if (c.status === 'ruled' && c.ruling) dues.push(c.ruling.appealBy);
  return dues.sort()[0];
}

export function toCaseDocument(c: DisputeCase, revision: number): DisputeCaseDocument {
  const nextDeadlineAt = nextDeadlineOf(c);
  return { ...c, revision, nextDeadlineAt, overdue: isOverdue(c), queueKey: `${nextDeadlineAt ?? NO_DEADLINE}|${c.id}` };
}

export function caseOfDocument(doc: DisputeCaseDocument): DisputeCase {
  const { revision: _revision, nextDeadlineAt: _next, overdue: _overdue, queueKey: _key, ...c } = doc;
  return c as DisputeCase;
}

export function queueRowOf(doc: DisputeCaseDocument): DisputeQueueRow {
  return {
    id: doc.queueKey,
    disputeId: doc.id,
    orderId: doc.orderId,
    shopId: doc.shopId,
    buyerId: doc.buyerId,
    status: doc.status,
    assigneeId: doc.assigneeId ?? null,
    overdue: doc.overdue,
    nextDeadlineAt: doc.nextDeadlineAt ?? null,
  };
}
