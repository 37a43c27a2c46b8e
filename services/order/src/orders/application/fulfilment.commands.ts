import type { CommandContext } from '@aftersales/kernel';
import { runOrderCommand } from './order-handler';
import type { OrderDeps } from './orders.types';

/** The buyer confirms receipt: the order is completed. (Shipped, delivered and returned come from logistics events.) */
export function confirmReceipt({ handler }: Pick<OrderDeps, 'handler'>, orderId: string, ctx: CommandContext) {
  return runOrderCommand(handler, 'ConfirmReceipt', orderId, {}, ctx);
}
