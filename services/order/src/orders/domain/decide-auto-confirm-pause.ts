import type { OrderEvent } from '@aftersales/contracts';
import { orderEvent, requireOrder } from './decide-support';
import type { AfterSalesCase, PauseAutoConfirm, ResumeAutoConfirm } from './order-commands';
import type { Order, OrderState } from './order-state';

/*
 * The auto-confirm-receipt clock (Taobao pauses it while after-sales is open): while any refund or dispute of the order
 * is open, the clock stands still; when the last one ends, it runs again with the time it had left. Each case that
 * opens or ends is recorded (AutoConfirmPaused / AutoConfirmResumed, naming it), so the deadline is derived from events.
 * Only a shipped or delivered order has a running clock; a case opened before shipment does not hold it (not tracked).
 */

const sameCase = (a: AfterSalesCase, b: AfterSalesCase): boolean => a.kind === b.kind && a.id === b.id;
const clockRuns = (order: Order): boolean => order.status === 'shipped' || order.status === 'delivered';
const plusMs = (at: string, ms: number): string => new Date(Date.parse(at) + ms).toISOString();

export function decidePauseAutoConfirm(command: PauseAutoConfirm, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (!clockRuns(order)) return [];
  const pause = order.autoConfirmPause;
  if (pause?.openCases.some((c) => sameCase(c, command.cause))) return [];
  let remainingMs: number;
  let suspendedDeadline: string;
  if (pause) {
    remainingMs = pause.remainingMs;
    suspendedDeadline = plusMs(pause.pausedAt, pause.remainingMs);
  } else {
    const deadline = order.deadlines.autoConfirmAt;
    if (deadline === undefined) return [];
    remainingMs = Math.max(0, Date.parse(deadline) - Date.parse(command.at));
    suspendedDeadline = deadline;
  }
  return [
    orderEvent('AutoConfirmPaused', {
      orderId: order.id,
      cause: command.cause,
      openCases: [...(pause?.openCases ?? []), command.cause],
      suspendedDeadline,
      remainingMs,
      pausedAt: command.at,
    }),
  ];
}

export function decideResumeAutoConfirm(command: ResumeAutoConfirm, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  const pause = order.autoConfirmPause;
  if (!pause || !pause.openCases.some((c) => sameCase(c, command.cause))) return [];
  if (!clockRuns(order)) return [];
  const openCases = pause.openCases.filter((c) => !sameCase(c, command.cause));
  return [
    orderEvent('AutoConfirmResumed', {
      orderId: order.id,
      cause: command.cause,
      openCases,
      remainingMs: pause.remainingMs,
      autoConfirmAt: openCases.length === 0 ? plusMs(command.at, pause.remainingMs) : undefined,
      resumedAt: command.at,
    }),
  ];
}
