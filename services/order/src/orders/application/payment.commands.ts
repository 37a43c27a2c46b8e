import type { CommandContext } from '@aftersales/kernel';
import { runOrderCommand } from './order-handler';
import type { OrderDeps, PayOrderInput } from './orders.types';

export function payOrder({ handler }: Pick<OrderDeps, 'handler'>, orderId: string, input: PayOrderInput, ctx: CommandContext) {
  return runOrderCommand(handler, 'PayOrder', orderId, input, ctx);
}
