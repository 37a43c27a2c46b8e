import type { OrderStatus } from '@aftersales/contracts';
import type { Platform, ServiceLog } from '@aftersales/kernel';
import type { OrderCommandHandler, OrderCommandInput } from './order-handler';

/** What the order's use cases run on; each takes the part it needs. */
export interface OrderDeps {
  handler: OrderCommandHandler;
  platform: Platform;
  newOrderId: (now: Date) => string;
  log: ServiceLog;
}

export type PlaceOrderInput = Omit<OrderCommandInput<'PlaceOrder'>, 'currency' | 'shopClosedSince'> & { currency?: string };
export type PayOrderInput = OrderCommandInput<'PayOrder'>;
export type CancelOrderInput = OrderCommandInput<'CancelOrder'>;
export type AddNoteInput = Omit<OrderCommandInput<'AddNote'>, 'agentId'>;
export type ChangeAddressInput = OrderCommandInput<'ChangeAddress'>['address'];
export type RequestInvoiceInput = OrderCommandInput<'RequestInvoice'>;
export type IssueInvoiceInput = OrderCommandInput<'IssueInvoice'>;

export interface ListOrdersQuery {
  shopId?: string;
  buyerId?: string;
  status?: OrderStatus;
  limit?: number;
  cursor?: string;
}

/** A page of a list that belongs to one order: at most `limit` items after the `cursor` of the previous page. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}
