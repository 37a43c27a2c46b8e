import { withoutUndefined } from '@aftersales/kernel';
import type { DisputeCase, DisputeState } from '../domain';
import { isOverdue, nextDeadlineOf } from './case.document';

/** A case as the API shows it (api.md "Disputes and complaints"), from the decider's state at a revision. */
export function caseView(c: DisputeCase, revision: number) {
  const breach = (metric: string) => c.slaBreaches.find((b) => b.metric === metric);
  const overdueFirstResponse = !c.firstResponseMet ? breach('first_response')?.dueAt : undefined;
  const ended = c.status === 'resolved' || c.status === 'closed';
  return withoutUndefined({
    id: c.id,
    orderId: c.orderId,
    shopId: c.shopId,
    buyerId: c.buyerId,
    category: c.category,
    origin: c.origin,
    status: c.status,
    assigneeId: c.assigneeId,
    refundId: c.refundId,
    currency: c.currency,
    paidAmount: c.paidAmount,
    openedAt: c.openedAt,
    deadlines: withoutUndefined({
      firstResponseBy: c.deadlines.first_response?.dueAt ?? (ended ? undefined : overdueFirstResponse),
      resolveBy: c.deadlines.resolution?.dueAt ?? (ended ? undefined : breach('resolution')?.dueAt),
      pausedSince: c.status === 'awaiting_buyer' ? c.pausedSince : undefined,
      awaitingBuyerUntil: c.deadlines.awaiting_buyer?.dueAt,
    }),
    nextDeadlineAt: nextDeadlineOf(c),
    overdue: isOverdue(c),
    slaBreaches: c.slaBreaches.map((b) => withoutUndefined({ metric: b.metric, requestId: b.requestId, dueAt: b.dueAt, at: b.at })),
    evidenceRequests: c.evidenceRequests.map((r) =>
      withoutUndefined({ id: r.id, party: r.party, description: r.description, dueAt: r.dueAt, submittedAt: r.submittedAt, overdue: r.overdue }),
    ),
    remedies: c.remedies.map((r) =>
      withoutUndefined({
        id: r.id,
        kind: r.kind,
        amount: r.amount,
        description: r.description,
        requiresSupervisorApproval: r.requiresSupervisorApproval,
        status: r.status,
      }),
    ),
    ruling: c.ruling ? withoutUndefined({ ...c.ruling }) : undefined,
    appeal: c.appeal ? { ...c.appeal } : undefined,
    satisfaction: c.satisfaction,
    revision,
  });
}

export type DisputeCaseView = ReturnType<typeof caseView>;

/** The view of a command's resulting state (a command on an unknown case never reaches here: it is refused). */
export const caseViewOfState = (revision: number) => (state: DisputeState) => caseView(state as DisputeCase, revision);
