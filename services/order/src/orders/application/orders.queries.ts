import { withoutUndefined, type Page, type RecordedEvent } from '@aftersales/kernel';
import type { OrderNote } from '../domain';
import { ORDER_NOTES_COLLECTION, ORDERS_COLLECTION, type OrderDocument } from '../projections';
import { orderStreamId } from './order-handler';
import type { ListOrdersQuery, OrderDeps, PageQuery } from './orders.types';

type WithPlatform = Pick<OrderDeps, 'platform'>;

/** The `orders` read model document (eventually consistent with the log). */
export function getOrder({ platform }: WithPlatform, orderId: string): Promise<OrderDocument | undefined> {
  return platform.readModels.get<OrderDocument>(ORDERS_COLLECTION, orderId);
}

export function listOrders({ platform }: WithPlatform, { limit, cursor, ...filters }: ListOrdersQuery): Promise<Page<OrderDocument>> {
  const where = withoutUndefined(filters) as Record<string, string>;
  return platform.readModels.find<OrderDocument>(ORDERS_COLLECTION, { where, limit, cursor });
}

/** GET /orders/{id}/notes: every note of the order, a page at a time, oldest first. */
export interface NotesPage {
  orderId: string;
  notesCount: number;
  notes: OrderNote[];
  nextCursor?: string;
}

/** A page of the order's notes (rows of `order-notes`); undefined for an order the read model does not know. */
export async function listNotes({ platform }: WithPlatform, orderId: string, { limit, cursor }: PageQuery): Promise<NotesPage | undefined> {
  const order = await getOrder({ platform }, orderId);
  if (!order) return undefined;
  const page = await platform.readModels.rows<OrderNote>(ORDER_NOTES_COLLECTION, orderId, { limit, cursor });
  const notes = page.items.map((row) => row.value);
  return withoutUndefined({ orderId, notesCount: order.notesCount, notes, nextCursor: page.nextCursor });
}

/** The order's stream, each event in its envelope; [] for an unknown order. */
export function orderStream({ platform }: WithPlatform, orderId: string): Promise<RecordedEvent[]> {
  return platform.eventStore.readStream(orderStreamId(orderId));
}

/**
 * Whose order it is, from its stream (not the read model, which may lag behind a command the caller just sent): the
 * edge checks ownership with it before a command runs. Undefined for an unknown order.
 */
export async function orderParties({ handler }: Pick<OrderDeps, 'handler'>, orderId: string): Promise<{ buyerId: string; shopId: string } | undefined> {
  const { state } = await handler.load(orderStreamId(orderId));
  return state ? { buyerId: state.buyerId, shopId: state.shopId } : undefined;
}
