import type { OrderStatus, RefundItem, ReturnCondition } from '@aftersales/contracts';

/** One order line as the refund service knows it (from OrderPlaced). */
export interface OrderLine {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  category?: string;
}

/**
 * What a refund decision needs to know about the order, learned from the order topic (see the application's
 * `refund_order_facts`). Passed in the command: the decider never reads anything itself.
 */
export interface OrderFacts {
  orderId: string;
  shopId: string;
  buyerId: string;
  currency: string;
  status: OrderStatus;
  paymentMethod: 'online' | 'cod';
  paidAmount: number;
  items: OrderLine[];
  shippedAt?: string;
  /** When the goods were delivered (signed for); the no-reason window counts from here. */
  deliveredAt?: string;
  /** When the buyer confirmed receipt (or it was confirmed automatically). */
  receiptConfirmedAt?: string;
}

/** When the buyer received the goods: the delivery scan, else the receipt confirmation. */
export const receivedAtOf = (order: OrderFacts): string | undefined => order.deliveredAt ?? order.receiptConfirmedAt;

/** The order lines a request concerns: the listed ones, or every line of the order. */
export const concernedLines = (order: OrderFacts, items: RefundItem[] | undefined): OrderLine[] =>
  items === undefined ? order.items : order.items.filter((line) => items.some((item) => item.sku === line.sku));

/** Every line of the order as refund items (what "absent means the whole order" means). */
export const wholeOrder = (order: OrderFacts): RefundItem[] => order.items.map(({ sku, quantity }) => ({ sku, quantity }));

export type DeclaredCondition = ReturnCondition;
