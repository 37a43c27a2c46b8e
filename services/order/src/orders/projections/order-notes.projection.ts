import type { OrderNoteAdded } from '@aftersales/contracts';
import type { Projection } from '@aftersales/kernel';
import { noteOf } from '../domain';
import { ORDER_NOTES_COLLECTION } from './order.document';

/**
 * Every note of every order, one `order-notes` row each under the order id, numbered by `noteNo` (GET
 * /orders/{id}/notes). Its own projection: a row needs only its event (no document read, no fold), and rebuilding the
 * `orders` documents does not rewrite every note. A replayed event puts the same row again, which changes nothing.
 */
export const orderNotesProjection: Projection = {
  name: 'order-notes',
  collections: [ORDER_NOTES_COLLECTION],
  handles: (eventType) => eventType === 'OrderNoteAdded',
  reads: 'payload', // a row needs the event's stream and data only
  apply(event, uow) {
    if (!event.streamId.startsWith('order-')) return;
    const data = event.data as OrderNoteAdded;
    uow.putRow(ORDER_NOTES_COLLECTION, data.orderId, data.noteNo, noteOf(data));
  },
};
