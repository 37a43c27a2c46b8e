import type { RefundEvent } from '@aftersales/contracts';
import type { RecordedEvent, TimerInstruction, TimerPolicy } from '@aftersales/kernel';
import { REFUND_SERVICE } from './refund-timer.policy';

/**
 * How long a reservation may wait for its request to be recorded. Not a policy number: the request is recorded
 * right after the reservation, so only a crash in between leaves one behind.
 */
export const ORPHAN_RESERVATION_AFTER_MS = 15 * 60_000;

export const orphanTimerId = (orderId: string, refundId: string): string => `refund-allowance-${orderId}:orphan:${refundId}`;

/** Every reservation gets a check that releases it if its request never made it to the log; the request cancels it. */
export const allowanceTimerPolicy: TimerPolicy = (recorded: RecordedEvent): TimerInstruction | undefined => {
  const event = { type: recorded.type, data: recorded.data } as RefundEvent;
  switch (event.type) {
    case 'RefundAllowanceReserved': {
      const { orderId, refundId, reservedAt } = event.data;
      return {
        schedule: [
          {
            timerId: orphanTimerId(orderId, refundId),
            service: REFUND_SERVICE,
            dueAt: new Date(Date.parse(reservedAt) + ORPHAN_RESERVATION_AFTER_MS).toISOString(),
            command: { type: 'ReleaseOrphanReservation', orderId, refundId },
            scheduledBy: { eventId: recorded.eventId, correlationId: recorded.correlationId },
          },
        ],
      };
    }
    case 'RefundRequested':
    case 'RefundAllowanceReleased':
    case 'RefundAllowanceSettled':
      return { cancel: [orphanTimerId(event.data.orderId, event.data.refundId)] };
    default:
      return undefined;
  }
};
