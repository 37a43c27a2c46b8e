import type { RefundEvent } from '@aftersales/contracts';
import type { RecordedEvent, Timer, TimerInstruction, TimerPolicy } from '@aftersales/kernel';
import type { RefundTimerCommand } from '../domain';

export const REFUND_SERVICE = 'refund';

/** Deterministic timer ids: one timer of each kind per refund, so re-deriving them from the log is idempotent. */
export const refundTimerIds = {
  merchantResponse: (refundId: string) => `refund-${refundId}:merchant-response`,
  returnShip: (refundId: string) => `refund-${refundId}:return-ship`,
  returnConfirm: (refundId: string) => `refund-${refundId}:return-confirm`,
  escalationWindow: (refundId: string) => `refund-${refundId}:escalation-window`,
};

const allTimersOf = (refundId: string): string[] => Object.values(refundTimerIds).map((id) => id(refundId));

/**
 * The deadlines of the brief as durable timers: merchant silence → approved (merchantRespondBy), return not shipped →
 * closed (returnShipBy), return not confirmed → refunded (merchantConfirmBy), rejection not escalated → closed
 * (escalateBy). Each deadline is in an event; an event that makes a deadline moot cancels its timer.
 */
export const refundTimerPolicy: TimerPolicy = (recorded: RecordedEvent): TimerInstruction | undefined => {
  const event = { type: recorded.type, data: recorded.data } as RefundEvent;
  const timer = (timerId: string, dueAt: string, type: RefundTimerCommand['type'], refundId: string): Timer => ({
    timerId,
    service: REFUND_SERVICE,
    dueAt,
    command: { type, refundId },
    scheduledBy: { eventId: recorded.eventId, correlationId: recorded.correlationId },
  });
  const ids = refundTimerIds;
  switch (event.type) {
    case 'RefundRequested': {
      const { refundId, merchantRespondBy } = event.data;
      return { schedule: [timer(ids.merchantResponse(refundId), merchantRespondBy, 'AutoApproveRefund', refundId)] };
    }
    case 'RefundApproved':
      return { cancel: [ids.merchantResponse(event.data.refundId)] };
    case 'RefundReturnRequested': {
      const { refundId, returnShipBy } = event.data;
      return { schedule: [timer(ids.returnShip(refundId), returnShipBy, 'CloseUnshippedReturn', refundId)] };
    }
    case 'RefundReturnShipped': {
      const { refundId, merchantConfirmBy } = event.data;
      return {
        schedule: [timer(ids.returnConfirm(refundId), merchantConfirmBy, 'AutoConfirmReturn', refundId)],
        cancel: [ids.returnShip(refundId)],
      };
    }
    case 'RefundReturnReceived':
      return { cancel: [ids.returnConfirm(event.data.refundId)] };
    case 'RefundRejected': {
      const { refundId, escalateBy } = event.data;
      return {
        schedule: [timer(ids.escalationWindow(refundId), escalateBy, 'CloseUnescalatedRefund', refundId)],
        cancel: [ids.merchantResponse(refundId), ids.returnConfirm(refundId)],
      };
    }
    case 'RefundEscalated':
      return { cancel: [ids.escalationWindow(event.data.refundId)] };
    case 'RefundCancelled':
    case 'RefundClosed':
      return { cancel: allTimersOf(event.data.refundId) };
    case 'RefundDisputeResolved':
      return event.data.outcome === 'closed' ? { cancel: allTimersOf(event.data.refundId) } : undefined;
    default:
      return undefined;
  }
};
