import { invalid, notFound, type CommandContext } from '@aftersales/kernel';
import type { PlaceReplacementOrderInput } from '../policies';
import { closedSinceOf, ORDER_SHOP_CLOSURES, type ShopClosuresDoc } from '../projections';
import { orderStreamId, runOrderCommand, type OrderCommandInput, type OrderCommandResult } from './order-handler';
import type { OrderDeps, PlaceOrderInput } from './orders.types';

/**
 * A new order under a fresh id (creation time first, so ids follow placement order); CNY unless told. A shop closed
 * for its penalty points (as `order_shop_closures` last heard from the dispute topic) takes no new orders.
 */
export async function placeOrder(
  { handler, platform, newOrderId }: Pick<OrderDeps, 'handler' | 'platform' | 'newOrderId'>,
  input: PlaceOrderInput,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  const orderId = newOrderId(platform.clock.now());
  const closures = await platform.readModels.get<ShopClosuresDoc>(ORDER_SHOP_CLOSURES, input.shopId);
  const command: OrderCommandInput<'PlaceOrder'> = { ...input, currency: input.currency ?? 'CNY', shopClosedSince: closedSinceOf(closures) };
  return runOrderCommand(handler, 'PlaceOrder', orderId, command, ctx);
}

/**
 * An exchange's replacement, at no charge: buyer, shop, currency, address and the lines' titles and prices are read
 * from the original order; idempotent on exchangeRefundId.
 */
export async function placeReplacementOrder(
  { handler }: Pick<OrderDeps, 'handler'>,
  input: PlaceReplacementOrderInput,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  const { state: original } = await handler.load(orderStreamId(input.replacesOrderId));
  if (original === null) throw notFound('order', input.replacesOrderId);
  const fields: { field: string; message: string }[] = [];
  const items = input.items.map((wanted, i) => {
    const line = original.items.find((item) => item.sku === wanted.sku);
    if (!line) fields.push({ field: `/items/${i}/sku`, message: `order ${original.id} has no line ${wanted.sku}` });
    return { ...(line ?? { title: wanted.sku, unitPrice: 0 }), sku: wanted.sku, quantity: wanted.quantity };
  });
  if (fields.length > 0) throw invalid('the replacement lines must come from the original order', fields);
  const command: OrderCommandInput<'PlaceReplacementOrder'> = {
    replacesOrderId: original.id,
    exchangeRefundId: input.exchangeRefundId,
    buyerId: original.buyerId,
    shopId: original.shopId,
    currency: original.currency,
    items,
    address: original.address,
  };
  return runOrderCommand(handler, 'PlaceReplacementOrder', input.orderId, command, ctx);
}
