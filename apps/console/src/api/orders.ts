import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** GET /orders/{orderId} (api.md "Orders"): money in minor units (fen), times ISO 8601 UTC. */
export interface Order {
  id: string;
  status: string;
  closeReason?: string;
  buyerId: string;
  shopId: string;
  currency: string;
  items: { sku: string; title: string; quantity: number; unitPrice: number; category?: string }[];
  itemsTotal: number;
  shippingFee: number;
  total: number;
  paidAmount: number;
  paymentMethod: string;
  notes: { text: string; flag?: string; actorId: string; at: string }[];
  notesCount: number;
  deadlines: { payBy?: string; shipBy?: string; autoConfirmAt?: string };
  placedAt: string;
  revision: number;
}

/** One entry of GET /orders/{orderId}/timeline: who did what, when, caused by which event, by which rule, based on what. */
export interface TimelineEntry {
  position: number;
  eventId: string;
  type: string;
  service: string;
  streamId: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  correlationId: string;
  causationId: string | null;
  rule?: { id: string; version?: string };
  basedOn?: string[];
}

export interface TimelinePage {
  orderId: string;
  revision: number;
  entries: TimelineEntry[];
  nextCursor?: string;
}

export type NoteFlag = 'red' | 'yellow' | 'green' | 'blue' | 'purple';
export const NOTE_FLAGS: readonly NoteFlag[] = ['red', 'yellow', 'green', 'blue', 'purple'];

/** Every query of one order's case file starts with this key: invalidating it refreshes the whole file. */
export const orderKey = (orderId: string) => ['orders', orderId] as const;

const orderPath = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`;

export function useOrder(orderId: string) {
  return useQuery({ queryKey: orderKey(orderId), queryFn: ({ signal }) => api<Order>(orderPath(orderId), { signal }) });
}

/** Pages of the timeline the case file reads at most (500 entries each). */
const TIMELINE_PAGES = 10;

/** The whole timeline of an order, every page of it (an order's timeline is short: its own events and its after-sales). */
export function useOrderTimeline(orderId: string) {
  return useQuery({
    queryKey: [...orderKey(orderId), 'timeline'],
    queryFn: async ({ signal }) => {
      const entries: TimelineEntry[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < TIMELINE_PAGES; page += 1) {
        const answer = await api<TimelinePage>(`${orderPath(orderId)}/timeline`, { query: { limit: 500, cursor }, signal });
        entries.push(...answer.entries);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return entries;
    },
  });
}
