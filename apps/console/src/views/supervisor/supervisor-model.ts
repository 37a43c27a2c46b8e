import type { WorkItem } from '../../api/work-queue';

/**
 * The supervisor view's pure part: the breaches chart's rows, the default period, and which command answers an
 * approval waiting in the queue (a compensation above the threshold, or a case's remedy).
 */

/** GET /work-queue/sla-breaches. */
export interface SlaBreachesPerDay {
  from: string;
  to: string;
  metrics: string[];
  days: { day: string; total: number; byMetric: Record<string, number> }[];
}

/** One bar of the chart: the day and a count for every metric of the period (zero when none), so bars stack. */
export type BreachChartRow = { day: string; total: number } & Record<string, number | string>;

export function breachChartRows(answer: SlaBreachesPerDay): BreachChartRow[] {
  return answer.days.map((day) => ({
    day: day.day,
    total: day.total,
    ...Object.fromEntries(answer.metrics.map((metric) => [metric, day.byMetric[metric] ?? 0])),
  }));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last `days` days up to today (UTC days, as the server counts them). */
export function recentPeriod(now: Date, days = 14): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00.000Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** An item of GET /work-queue (the queue's own type). */
export type QueueItem = WorkItem;

export const APPROVAL_KINDS = ['compensation', 'remedy_approval'] as const;
export const isApproval = (item: QueueItem): boolean => (APPROVAL_KINDS as readonly string[]).includes(item.kind);

export type Decision = 'approve' | 'reject';

/** The call that answers an approval: its operation (for useCan), path and body; money moves, so a key goes with it. */
export interface ApprovalCommand {
  operation: string;
  path: string;
  body: Record<string, string>;
}

export function approvalCommand(item: QueueItem, decision: Decision, reason = ''): ApprovalCommand {
  const id = encodeURIComponent(item.id);
  if (item.kind === 'compensation') {
    return decision === 'approve'
      ? { operation: 'POST /compensations/{compensationId}/approval', path: `/compensations/${id}/approval`, body: {} }
      : { operation: 'POST /compensations/{compensationId}/rejection', path: `/compensations/${id}/rejection`, body: { reason } };
  }
  if (item.kind === 'remedy_approval' && item.disputeId) {
    return {
      operation: 'POST /disputes/{disputeId}/remedies/{remedyId}/approval',
      path: `/disputes/${encodeURIComponent(item.disputeId)}/remedies/${id}/approval`,
      body: decision === 'approve' ? {} : { decision: 'rejected', reason },
    };
  }
  throw new Error(`a ${item.kind} item is not an approval`);
}
