import type { CommandContext } from '@aftersales/kernel';
import type { CloseRefundedOrderInput } from '../policies';
import { runOrderCommand } from './order-handler';
import type { CancelOrderInput, OrderDeps } from './orders.types';

type WithHandler = Pick<OrderDeps, 'handler'>;

/** Only an order nobody has paid for yet; a paid order is refunded instead. */
export function cancelOrder({ handler }: WithHandler, orderId: string, input: CancelOrderInput, ctx: CommandContext) {
  return runOrderCommand(handler, 'CancelOrder', orderId, input, ctx);
}

/** Once everything paid was refunded (run on RefundAllowanceSettled refundedInFull). */
export function closeRefundedOrder({ handler }: WithHandler, orderId: string, input: CloseRefundedOrderInput, ctx: CommandContext) {
  return runOrderCommand(handler, 'CloseRefundedOrder', orderId, input, ctx);
}
