import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';

/** GET /work-queue (api.md, with `counts` from ?counts=true): what waits on the caller's shops, earliest due first. */
export const WORK_ITEM_KINDS = ['refund', 'dispute', 'evidence_request', 'compensation', 'review_follow_up', 'remedy_approval'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export interface WorkItem {
  kind: WorkItemKind;
  id: string;
  orderId: string;
  shopId: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  assigneeId?: string;
  disputeId?: string;
}

export interface KindCount {
  total: number;
  overdue: number;
}

export interface WorkQueueCounts extends KindCount {
  /** Every kind the server knows (a kind it does not list yet counts as none). */
  byKind: Partial<Record<WorkItemKind, KindCount>>;
}

export interface WorkQueuePage {
  items: WorkItem[];
  nextCursor?: string;
  counts?: WorkQueueCounts;
}

export interface WorkQueueFilters {
  kind?: WorkItemKind;
  shopId?: string;
  assigneeId?: string;
  /** The server's overdue view: only items a breach event recorded as overdue. */
  overdue?: boolean;
}

/** Items per page: the API's largest, so a day's queue is one read. */
const PAGE_SIZE = 200;
/** The queue polls (CONSOLE.md): every 5 s while the tab is visible, and when the window regains focus. */
export const QUEUE_POLL_MS = 5_000;

export function useWorkQueue(filters: WorkQueueFilters) {
  return useInfiniteQuery({
    queryKey: ['work-queue', filters],
    queryFn: ({ pageParam, signal }) =>
      api<WorkQueuePage>('/work-queue', {
        query: { ...filters, overdue: filters.overdue ? true : undefined, limit: PAGE_SIZE, counts: true, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: QUEUE_POLL_MS,
    refetchOnWindowFocus: 'always',
    placeholderData: keepPreviousData,
  });
}
