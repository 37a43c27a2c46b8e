import type { WorkItem } from './work-item';
import { subjectId, text, type SubjectState, type WorkEvent, type WorkSource } from './work-source';

/** A refund while the merchant must act: answer the request, or confirm the returned goods arrived. */
export interface RefundWork extends SubjectState {
  refundId: string;
  orderId: string;
  shopId: string;
  /** The refund's status while it waits on the merchant; undefined while it waits on someone else. */
  waiting?: 'waiting_merchant' | 'waiting_merchant_receipt';
  dueAt?: string;
}

const ENDING = new Set(['RefundCancelled', 'RefundEscalated', 'RefundClosed', 'RefundPaid']);

/**
 * Refunds waiting for the merchant. The due times are the refund's own timers as the events recorded them
 * (`merchantRespondBy`, `merchantConfirmBy`, from the rulebook); when one passes, the refund service acts by itself
 * (approval, refund on receipt), so a refund leaves the queue rather than turning overdue.
 */
export const refundWork: WorkSource<RefundWork> = {
  name: 'refund',
  service: 'refund',
  eventTypes: ['RefundRequested', 'RefundApproved', 'RefundRejected', 'RefundReturnShipped', 'RefundReturnReceived', ...ENDING],
  subjectOf: (event) => {
    const refundId = text(event.data, 'refundId');
    return refundId ? subjectId('refund', refundId) : undefined;
  },
  evolve(state, event: WorkEvent) {
    const { data } = event;
    if (event.type === 'RefundRequested') {
      return {
        id: subjectId('refund', String(data.refundId)),
        refundId: String(data.refundId),
        orderId: String(data.orderId),
        shopId: String(data.shopId),
        waiting: 'waiting_merchant',
        dueAt: String(data.merchantRespondBy),
      };
    }
    if (!state || ENDING.has(event.type)) return undefined;
    if (event.type === 'RefundReturnShipped') return { ...state, waiting: 'waiting_merchant_receipt', dueAt: String(data.merchantConfirmBy) };
    return { ...state, waiting: undefined, dueAt: undefined }; // answered, or the goods arrived
  },
  itemsOf(state): WorkItem[] {
    if (!state.waiting || !state.dueAt) return [];
    return [{ kind: 'refund', id: state.refundId, orderId: state.orderId, shopId: state.shopId, status: state.waiting, dueAt: state.dueAt, overdue: false }];
  },
};
