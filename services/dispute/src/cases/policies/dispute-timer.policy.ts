import type { DisputeCaseEvent } from '@aftersales/contracts';
import type { RecordedEvent, Timer, TimerInstruction, TimerPolicy } from '@aftersales/kernel';
import type { DisputeTimerCommand } from '../domain';
import { DISPUTE_SERVICE } from './dispute-service-name';

/** What a timer carries: its command without the time (the firing sets it). */
type TimerCommand = { type: DisputeTimerCommand['type']; disputeId: string } & Record<string, unknown>;

/** Deterministic timer ids: one per deadline of a case (per evidence request), so re-deriving them is idempotent. */
export const disputeTimerIds = {
  deadline: (disputeId: string, metric: string, requestId?: string) => `dispute-${disputeId}:${metric}${requestId ? `:${requestId}` : ''}`,
  appealWindow: (disputeId: string, rulingId: string) => `dispute-${disputeId}:appeal-window:${rulingId}`,
};

/**
 * Every deadline the case sets becomes a durable timer at its due time; a cleared deadline cancels it (a breached one
 * has fired). A first ruling's appeal window ends with a timer that makes it final.
 */
export const disputeTimerPolicy: TimerPolicy = (recorded: RecordedEvent): TimerInstruction | undefined => {
  const event = { type: recorded.type, data: recorded.data } as DisputeCaseEvent;
  const timer = (timerId: string, dueAt: string, command: TimerCommand): Timer => ({
    timerId,
    service: DISPUTE_SERVICE,
    dueAt,
    command,
    scheduledBy: { eventId: recorded.eventId, correlationId: recorded.correlationId },
  });
  switch (event.type) {
    case 'DisputeDeadlineSet': {
      const { disputeId, metric, requestId, dueAt } = event.data;
      const command = { type: 'CheckDeadline', disputeId, metric, ...(requestId ? { requestId } : {}) } as const;
      return { schedule: [timer(disputeTimerIds.deadline(disputeId, metric, requestId), dueAt, command)] };
    }
    case 'DisputeDeadlineCleared': {
      const { disputeId, metric, requestId } = event.data;
      return { cancel: [disputeTimerIds.deadline(disputeId, metric, requestId)] };
    }
    case 'DisputeRuled': {
      const { disputeId, rulingId, appealBy, onAppeal } = event.data;
      if (onAppeal) return undefined;
      return { schedule: [timer(disputeTimerIds.appealWindow(disputeId, rulingId), appealBy, { type: 'FinalizeRuling', disputeId, rulingId })] };
    }
    case 'DisputeAppealed': {
      const { disputeId, rulingId } = event.data;
      return { cancel: [disputeTimerIds.appealWindow(disputeId, rulingId)] };
    }
    default:
      return undefined;
  }
};
