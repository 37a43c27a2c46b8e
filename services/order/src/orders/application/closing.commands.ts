import type { CommandContext } from '@aftersales/kernel';
import type { CloseRefundedOrderInput } from '../policies';
import { runOrderCommand, type OrderCommandResult } from './order-handler';
import type { CancelOrderInput, OrderDeps } from './orders.types';

export function cancelOrder(
  { handler }: Pick<OrderDeps, 'handler'>,
  orderId: string,
  input: CancelOrderInput,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  return runOrderCommand(handler, 'CancelOrder', orderId, input, ctx);
}

/** Once everything paid was refunded (run on RefundAllowanceSettled refundedInFull). */
export function closeRefundedOrder(
  { handler }: Pick<OrderDeps, 'handler'>,
  orderId: string,
  input: CloseRefundedOrderInput,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  return runOrderCommand(handler, 'CloseRefundedOrder', orderId, input, ctx);
}
