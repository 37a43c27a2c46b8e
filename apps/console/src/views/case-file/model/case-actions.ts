import type { CaseFile } from './case-file-types';

/** The actions of the case file; each is one public API command. */
export type CaseActionName =
  | 'refund-approve'
  | 'refund-reject'
  | 'refund-return-receipt'
  | 'dispute-take'
  | 'dispute-assign'
  | 'dispute-escalate'
  | 'dispute-appeal'
  | 'dispute-follow-up'
  | 'dispute-message'
  | 'dispute-remedy'
  | 'dispute-remedy-approve'
  | 'dispute-evidence-request'
  | 'dispute-evidence-submit'
  | 'dispute-ruling'
  | 'compensation-approve'
  | 'compensation-reject'
  | 'follow-up-remedy'
  | 'follow-up-remedy-approve'
  | 'follow-up-contact'
  | 'follow-up-closure'
  | 'review-moderate'
  | 'order-note';

export interface CaseAction {
  name: CaseActionName;
  /** The operation as the OpenAPI document names it, which `useCan` asks about: `POST /refunds/{refundId}/approval`. */
  operation: string;
  /** The request path with the ids filled in. */
  path: string;
  /** The shop whose staff may act (the ownership `useCan` checks). */
  shopId: string;
  /** The resource acted on (refund, case, remedy, evidence request, review, follow-up or order id). */
  targetId: string;
  /** `action-<name>-<targetId>`: the button's test id, and the `?action=` value that opens the form directly. */
  key: string;
  /** For remedy approvals and evidence submissions: the case or follow-up the remedy or request belongs to. */
  parentId?: string;
  /** For taking a case: the viewer, who becomes its assignee. */
  assigneeId?: string;
  /** For an escalation: where the case may still go (a case already with a supervisor only to the platform). */
  escalateTo?: readonly ('supervisor' | 'platform')[];
}

const action = (name: CaseActionName, operation: string, path: string, shopId: string, targetId: string, parentId?: string): CaseAction => ({
  name,
  operation,
  path,
  shopId,
  targetId,
  key: `action-${name}-${targetId}`,
  ...(parentId ? { parentId } : {}),
});

/** Case statuses in which the shop may still propose a remedy (the dispute decider's rule). */
const REMEDY_PROPOSABLE = new Set(['open', 'in_progress', 'escalated']);
/** Case statuses in which nobody writes any more. */
const CASE_FINISHED = new Set(['resolved', 'closed']);
/** Case statuses from which a party may still escalate (to a supervisor, or from there to the platform). */
const ESCALATABLE = new Set(['open', 'in_progress', 'awaiting_buyer', 'remedy_proposed', 'escalated']);
/** Ruling outcomes the merchant lost, and may appeal (the dispute decider's losersOf). */
const MERCHANT_LOST = new Set(['buyer_wins', 'partial']);

/** Who looks at the case file, and when: taking a case, assigning it and an appeal's window depend on them. */
export interface Viewer {
  id: string;
  role: string;
  now: Date;
}

/**
 * The actions the case file's state allows, whoever looks: a refund waiting for the merchant can be answered, a case
 * in arbitration can be ruled on… Which of them the caller's role allows is `offeredActions`' business.
 */
export function actionsTheStateAllows(file: CaseFile, viewer?: Viewer): CaseAction[] {
  const { order } = file;
  const actions: CaseAction[] = [action('order-note', 'POST /orders/{orderId}/notes', `/orders/${order.id}/notes`, order.shopId, order.id)];
  for (const refund of file.refunds) {
    if (refund.status === 'waiting_merchant_receipt') {
      actions.push(action('refund-return-receipt', 'POST /refunds/{refundId}/return-receipt', `/refunds/${refund.id}/return-receipt`, refund.shopId, refund.id));
    }
    if (refund.status !== 'waiting_merchant') continue;
    actions.push(action('refund-approve', 'POST /refunds/{refundId}/approval', `/refunds/${refund.id}/approval`, refund.shopId, refund.id));
    actions.push(action('refund-reject', 'POST /refunds/{refundId}/rejection', `/refunds/${refund.id}/rejection`, refund.shopId, refund.id));
  }
  for (const c of file.disputes) {
    const base = `/disputes/${c.id}`;
    if (!CASE_FINISHED.has(c.status)) {
      actions.push(action('dispute-message', 'POST /disputes/{disputeId}/messages', `${base}/messages`, c.shopId, c.id));
      // An agent may only take a case (the server's dispute.agent_takes_only); a supervisor assigns anyone of the shop.
      if (viewer && c.assigneeId !== viewer.id) {
        actions.push({ ...action('dispute-take', 'POST /disputes/{disputeId}/assignment', `${base}/assignment`, c.shopId, c.id), assigneeId: viewer.id });
      }
      if (viewer && viewer.role !== 'agent') actions.push(action('dispute-assign', 'POST /disputes/{disputeId}/assignment', `${base}/assignment`, c.shopId, c.id));
    }
    if (ESCALATABLE.has(c.status)) {
      const escalateTo = c.status === 'escalated' ? (['platform'] as const) : (['supervisor', 'platform'] as const);
      actions.push({ ...action('dispute-escalate', 'POST /disputes/{disputeId}/escalation', `${base}/escalation`, c.shopId, c.id), escalateTo });
    }
    const pending = c.remedies.some((r) => r.status === 'proposed' || r.status === 'awaiting_approval');
    if (REMEDY_PROPOSABLE.has(c.status) && !pending) actions.push(action('dispute-remedy', 'POST /disputes/{disputeId}/remedies', `${base}/remedies`, c.shopId, c.id));
    for (const r of c.remedies.filter((r) => r.status === 'awaiting_approval')) {
      actions.push(action('dispute-remedy-approve', 'POST /disputes/{disputeId}/remedies/{remedyId}/approval', `${base}/remedies/${r.id}/approval`, c.shopId, r.id, c.id));
    }
    if (c.status === 'arbitration') {
      actions.push(action('dispute-evidence-request', 'POST /disputes/{disputeId}/evidence-requests', `${base}/evidence-requests`, c.shopId, c.id));
      for (const request of c.evidenceRequests.filter((q) => q.party === 'merchant' && !q.submittedAt && !q.overdue)) {
        actions.push(action('dispute-evidence-submit', 'POST /disputes/{disputeId}/evidence', `${base}/evidence`, c.shopId, request.id, c.id));
      }
      actions.push(action('dispute-ruling', 'POST /disputes/{disputeId}/ruling', `${base}/ruling`, c.shopId, c.id));
    }
    if (c.status === 'ruled' && c.ruling && !c.appeal && MERCHANT_LOST.has(c.ruling.outcome) && (!viewer || viewer.now.getTime() <= Date.parse(c.ruling.appealBy))) {
      actions.push(action('dispute-appeal', 'POST /disputes/{disputeId}/appeal', `${base}/appeal`, c.shopId, c.id));
    }
    if (c.status === 'resolved') actions.push(action('dispute-follow-up', 'POST /disputes/{disputeId}/follow-up', `${base}/follow-up`, c.shopId, c.id));
  }
  for (const c of file.compensations.filter((c) => c.status === 'awaiting_approval')) {
    actions.push(action('compensation-approve', 'POST /compensations/{compensationId}/approval', `/compensations/${c.id}/approval`, c.shopId, c.id));
    actions.push(action('compensation-reject', 'POST /compensations/{compensationId}/rejection', `/compensations/${c.id}/rejection`, c.shopId, c.id));
  }
  for (const f of file.followUps) {
    if (f.status === 'closed') continue;
    const base = `/review-follow-ups/${f.id}`;
    if (!f.contactedAt) actions.push(action('follow-up-contact', 'POST /review-follow-ups/{followUpId}/contact', `${base}/contact`, f.shopId, f.id));
    actions.push(action('follow-up-remedy', 'POST /review-follow-ups/{followUpId}/remedies', `${base}/remedies`, f.shopId, f.id));
    for (const r of f.remedies.filter((r) => r.status === 'awaiting_approval')) {
      actions.push(action('follow-up-remedy-approve', 'POST /review-follow-ups/{followUpId}/remedies/{remedyId}/approval', `${base}/remedies/${r.id}/approval`, f.shopId, r.id, f.id));
    }
    actions.push(action('follow-up-closure', 'POST /review-follow-ups/{followUpId}/closure', `${base}/closure`, f.shopId, f.id));
  }
  if (file.review?.status === 'held') {
    actions.push(action('review-moderate', 'POST /reviews/{reviewId}/moderation', `/reviews/${file.review.id}/moderation`, file.review.shopId, file.review.id));
  }
  return actions;
}

/** Whether the caller's role and shops allow an operation (the console's `useCan`, from the OpenAPI x-access). */
export type Can = (operation: string, scope: { shopId?: string }) => boolean;

/** The actions offered to the caller: those the state allows and the caller's role and shops allow too. */
export const offeredActions = (file: CaseFile, can: Can, viewer?: Viewer): CaseAction[] =>
  actionsTheStateAllows(file, viewer).filter((a) => can(a.operation, { shopId: a.shopId }));

/** The action a `?action=<key>` names, whether the role allows it or not (the browser tests force forbidden ones). */
export const actionByKey = (file: CaseFile, key: string | null, viewer?: Viewer): CaseAction | undefined =>
  key ? actionsTheStateAllows(file, viewer).find((a) => a.key === key) : undefined;
