import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@aftersales/kernel';

/** One subject's events (a refund, a compensation, a case), appended as one stream. */
export interface SubjectHistory {
  streamId: string;
  events: { type: string; data: Record<string, unknown> }[];
}

export interface WorkQueueHistory {
  subjects: SubjectHistory[];
  events: number;
  /** Items the queue must hold after replaying every event (what the generator left open). */
  openItems: number;
}

const SHOPS = 50;
const iso = (minutes: number): string => new Date(Date.UTC(2026, 10, 2) + minutes * 60_000).toISOString();

/**
 * About `events` events that feed the work queue, in the proportions of an after-sales day: refunds (requested, then
 * answered or left waiting), compensations above the approval threshold (approved or still waiting) and cases (intake,
 * deadlines, assignment, a breach, an evidence request, resolution or not). Every third subject stays open.
 */
export function generateWorkQueueHistory(events: number): WorkQueueHistory {
  const subjects: SubjectHistory[] = [];
  let count = 0;
  let openItems = 0;
  for (let n = 0; count < events; n++) {
    const open = n % 3 === 0;
    const shopId = `shop-${n % SHOPS}`;
    const orderId = `ord-wq-${n}`;
    const t = n; // one subject a minute
    const subject = n % 4 === 3 ? caseOf(n, orderId, shopId, t, open) : n % 4 === 2 ? compensationOf(n, orderId, shopId, t, open) : refundOf(n, orderId, shopId, t, open);
    subjects.push(subject.history);
    count += subject.history.events.length;
    openItems += subject.openItems;
  }
  return { subjects, events: count, openItems };
}

function refundOf(n: number, orderId: string, shopId: string, t: number, open: boolean) {
  const refundId = `rf-wq-${n}`;
  const events: SubjectHistory['events'] = [{ type: 'RefundRequested', data: { refundId, orderId, shopId, buyerId: 'buyer-1', type: 'refund_only', reason: 'quality', amount: 10_000, currency: 'CNY', refundableAmount: 20_000, evidence: [], requestedAt: iso(t), merchantRespondBy: iso(t + 2880), rulebookVersion: '2026-12-v4' } }];
  if (!open) events.push({ type: 'RefundApproved', data: { refundId, orderId, approval: 'merchant', amount: 10_000, returnRequired: false, approvedAt: iso(t + 60), rulebookVersion: '2026-12-v4' } });
  return { history: { streamId: `refund-${refundId}`, events }, openItems: open ? 1 : 0 };
}

function compensationOf(n: number, orderId: string, shopId: string, t: number, open: boolean) {
  const compensationId = `cp-wq-${n}`;
  const decided = { compensationId, orderId, shopId, buyerId: 'buyer-1', kind: 'goodwill', amount: 25_000, currency: 'CNY', requiresSupervisorApproval: true, approvalThreshold: 20_000, decidedAt: iso(t) };
  const events: SubjectHistory['events'] = [{ type: 'CompensationDecided', data: decided }];
  if (!open) events.push({ type: 'CompensationApproved', data: { compensationId, orderId, approverId: 'sup-1', approvedAt: iso(t + 30) } });
  return { history: { streamId: `compensation-${compensationId}`, events }, openItems: open ? 1 : 0 };
}

function caseOf(n: number, orderId: string, shopId: string, t: number, open: boolean) {
  const disputeId = `dsp_wq${n}`;
  const base = { disputeId, orderId, shopId };
  const rule = { ruleId: 'dispute.first_response', rulebookVersion: '2026-12-v4', basedOn: ['e'] };
  const events: SubjectHistory['events'] = [
    { type: 'DisputeOpened', data: { ...base, buyerId: 'buyer-1', origin: 'buyer_complaint', category: 'product_quality', description: 'cracked', evidence: [], status: 'open', openedBy: 'buyer-1', openedAt: iso(t), currency: 'CNY' } },
    { type: 'DisputeDeadlineSet', data: { ...base, metric: 'first_response', dueAt: iso(t + 1440), ...rule, setAt: iso(t) } },
    { type: 'DisputeDeadlineSet', data: { ...base, metric: 'resolution', dueAt: iso(t + 4320), ...rule, setAt: iso(t) } },
    { type: 'DisputeAssigned', data: { ...base, assigneeId: `agent-${n % 7}`, assignedBy: 'sup-1', assignedAt: iso(t + 10) } },
    { type: 'DisputeSlaBreached', data: { ...base, metric: 'first_response', dueAt: iso(t + 1440), breachedAt: iso(t + 1440), ...rule } },
    { type: 'DisputeDeadlineCleared', data: { ...base, metric: 'first_response', reason: 'met', at: iso(t + 1500) } },
    { type: 'DisputeStatusChanged', data: { ...base, from: 'open', to: 'in_progress', at: iso(t + 1500) } },
    { type: 'DisputeEvidenceRequested', data: { ...base, requestId: 'ev-1', party: 'merchant', description: 'photos', dueBy: iso(t + 4000), requestedBy: 'xiao-er-1', rulebookVersion: '2026-12-v4', requestedAt: iso(t + 1600) } },
    { type: 'DisputeEvidenceSubmitted', data: { ...base, requestId: 'ev-1', party: 'merchant', items: [], submittedBy: 'agent-1', submittedAt: iso(t + 1700) } },
  ];
  if (!open) {
    events.push({ type: 'DisputeDeadlineCleared', data: { ...base, metric: 'resolution', reason: 'case_ended', at: iso(t + 2000) } });
    events.push({ type: 'DisputeStatusChanged', data: { ...base, from: 'in_progress', to: 'resolved', at: iso(t + 2000) } });
  }
  return { history: { streamId: `dispute-${disputeId}`, events }, openItems: open ? 1 : 0 };
}

/** Appends every subject's stream, `chunk` streams per group commit. */
export async function seedWorkQueueLog(store: EventStore, history: WorkQueueHistory, chunk = 2000): Promise<void> {
  const actor = { id: 'system', role: 'system' as const };
  for (let start = 0; start < history.subjects.length; start += chunk) {
    await Promise.all(
      history.subjects.slice(start, start + chunk).map((subject) => {
        const events: NewEvent[] = subject.events.map((event) => ({
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: 1,
          data: event.data,
          metadata: { occurredAt: iso(0), correlationId: randomUUID(), causationId: null, actor },
        }));
        return store.append(subject.streamId, events, 'no_stream');
      }),
    );
  }
}
