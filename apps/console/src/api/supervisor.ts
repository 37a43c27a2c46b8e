import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { approvalCommand, type Decision, type QueueItem, type SlaBreachesPerDay } from '../views/supervisor/supervisor-model';
import { api } from './client';
import { refreshAfterCommand } from './refresh';

/** The supervisor view's reads and its one command (answering an approval); lists poll every 5 s, as the queue does. */

const POLL_MS = 5_000;
const PAGE = 200;

interface QueuePage {
  items: QueueItem[];
  nextCursor?: string;
}

const queue = (query: Record<string, string | boolean | number | undefined>) =>
  api<QueuePage>('/work-queue', { query: { limit: PAGE, ...query } });

/** What a breach event recorded as overdue, in the supervisor's shops (or the one chosen). */
export const useOverdueItems = (shopId?: string) =>
  useQuery({ queryKey: ['work-queue', 'overdue', shopId ?? '*'], queryFn: () => queue({ overdue: true, shopId }), refetchInterval: POLL_MS });

/** Compensations above the threshold and cases' remedies waiting for a supervisor, oldest first. */
export const useApprovalsWaiting = (shopId?: string) =>
  useQuery({
    queryKey: ['work-queue', 'approvals', shopId ?? '*'],
    queryFn: async () => {
      const [compensations, remedies] = await Promise.all([queue({ kind: 'compensation', shopId }), queue({ kind: 'remedy_approval', shopId })]);
      return [...compensations.items, ...remedies.items].sort((a, b) => (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~'));
    },
    refetchInterval: POLL_MS,
  });

export const useSlaBreaches = (period: { from: string; to: string }, shopId?: string) =>
  useQuery({
    queryKey: ['work-queue', 'sla-breaches', period.from, period.to, shopId ?? '*'],
    queryFn: () => api<SlaBreachesPerDay>('/work-queue/sla-breaches', { query: { ...period, shopId } }),
  });

/** The compensation behind an approval item (its amount and rule), read once. */
export const useCompensation = (compensationId: string | undefined) =>
  useQuery({
    queryKey: ['compensation', compensationId],
    queryFn: () => api<{ id: string; amount: number; currency?: string; kind: string; rule?: { id: string; version: string } }>(`/compensations/${encodeURIComponent(compensationId!)}`),
    enabled: compensationId !== undefined,
  });

export interface ApprovalAnswer {
  item: QueueItem;
  decision: Decision;
  reason?: string;
  idempotencyKey: string;
}

/** Approves or refuses an approval item; the queue's lists are read again after it. */
export function useAnswerApproval() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, decision, reason, idempotencyKey }: ApprovalAnswer) => {
      const command = approvalCommand(item, decision, reason);
      return api<unknown>(command.path, { body: command.body, idempotencyKey });
    },
    onSuccess: () => refreshAfterCommand(client, ['work-queue']),
  });
}
