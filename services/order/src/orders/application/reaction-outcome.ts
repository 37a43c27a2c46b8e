import { ORDER_SERVICE } from '../policies';
import type { OrderCommandResult } from './order-handler';

/** The order's consumer group on the logistics and refund topics. */
export const CONSUMER_GROUP = ORDER_SERVICE;

/** How a bus reaction ended; a refusal is final (redelivery would be refused again), so it is reported, not thrown. */
export type ReactionOutcome =
  | { outcome: 'applied'; eventIds: string[]; replayed: boolean }
  | { outcome: 'ignored' }
  | { outcome: 'refused'; code: string; message: string };

export const applied = (result: OrderCommandResult): ReactionOutcome => ({
  outcome: 'applied',
  eventIds: result.eventIds,
  replayed: result.replayed,
});
