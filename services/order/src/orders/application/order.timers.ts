import { contextFromTimer, type Timer } from '@aftersales/kernel';
import { orderTimerCommandTypes, type OrderTimerCommand } from '../domain';
import { runOrderCommand } from './order-handler';
import type { OrderDeps } from './orders.types';

export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;

/** A durable timer fired: its command runs under `timer:<timerId>`, caused by the event that scheduled it. */
export async function fireOrderTimer({ handler }: Pick<OrderDeps, 'handler'>, timer: Timer): Promise<void> {
  const { type, orderId } = timer.command as Partial<OrderTimerCommand>;
  if (!type || !orderTimerCommandTypes.includes(type) || typeof orderId !== 'string') {
    throw new Error(`timer ${timer.timerId} carries no order timer command`);
  }
  await runOrderCommand(handler, type, orderId, {}, contextFromTimer(timer, SCHEDULER_ACTOR));
}
