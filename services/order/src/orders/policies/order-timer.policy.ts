import type { OrderEvent } from '@aftersales/contracts';
import type { RecordedEvent, Timer, TimerInstruction, TimerPolicy } from '@aftersales/kernel';
import type { OrderTimerCommand } from '../domain';

export const ORDER_SERVICE = 'order';

/** Deterministic timer ids: one timer of each kind per order, so re-deriving them from the log is idempotent. */
export const orderTimerIds = {
  paymentReminder: (orderId: string) => `order-${orderId}:payment-reminder`,
  unpaidClose: (orderId: string) => `order-${orderId}:unpaid-close`,
  shipByCheck: (orderId: string) => `order-${orderId}:ship-by-check`,
  autoConfirm: (orderId: string) => `order-${orderId}:auto-confirm`,
};

const allTimersOf = (orderId: string): string[] => Object.values(orderTimerIds).map((id) => id(orderId));

/** The deadline in each event becomes a durable timer; a later event cancels the timers it made moot. */
export const orderTimerPolicy: TimerPolicy = (recorded: RecordedEvent): TimerInstruction | undefined => {
  const event = { type: recorded.type, data: recorded.data } as OrderEvent;
  const timer = (timerId: string, dueAt: string, type: OrderTimerCommand['type'], orderId: string): Timer => ({
    timerId,
    service: ORDER_SERVICE,
    dueAt,
    command: { type, orderId },
    scheduledBy: { eventId: recorded.eventId, correlationId: recorded.correlationId },
  });
  const ids = orderTimerIds;
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, payBy, paymentReminderAt, shipBy } = event.data;
      const schedule: Timer[] = [];
      if (paymentReminderAt) schedule.push(timer(ids.paymentReminder(orderId), paymentReminderAt, 'RecordPaymentReminder', orderId));
      if (payBy) schedule.push(timer(ids.unpaidClose(orderId), payBy, 'CloseUnpaidOrder', orderId));
      if (shipBy) schedule.push(timer(ids.shipByCheck(orderId), shipBy, 'CheckShipByDeadline', orderId));
      return { schedule };
    }
    case 'OrderPaid': {
      const { orderId, shipBy } = event.data;
      return {
        schedule: [timer(ids.shipByCheck(orderId), shipBy, 'CheckShipByDeadline', orderId)],
        cancel: [ids.paymentReminder(orderId), ids.unpaidClose(orderId)],
      };
    }
    case 'OrderShipped': {
      const { orderId, autoConfirmAt } = event.data;
      return {
        schedule: [timer(ids.autoConfirm(orderId), autoConfirmAt, 'AutoConfirmReceipt', orderId)],
        cancel: [ids.shipByCheck(orderId)],
      };
    }
    // A refund or dispute stops the auto-confirm clock; when the last one ends it runs again with the time it had left.
    case 'AutoConfirmPaused':
      return { cancel: [ids.autoConfirm(event.data.orderId)] };
    case 'AutoConfirmResumed': {
      const { orderId, autoConfirmAt } = event.data;
      if (autoConfirmAt === undefined) return undefined;
      return { schedule: [timer(ids.autoConfirm(orderId), autoConfirmAt, 'AutoConfirmReceipt', orderId)] };
    }
    case 'OrderReturnedToMerchant':
    case 'ReceiptConfirmed':
      return { cancel: [ids.autoConfirm(event.data.orderId)] };
    case 'OrderClosed':
      return { cancel: allTimersOf(event.data.orderId) };
    default:
      return undefined;
  }
};
