import { LOGISTICS_SERVICE } from '../policies';

/** Who logistics acts as in its bus reactions. */
export const LOGISTICS_ACTOR = { id: 'logistics', role: 'system' } as const;
/** Who fires the durable timers. */
export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;
/** The consumer group of the logistics bus reactions (order and refund topics). */
export const CONSUMER_GROUP = LOGISTICS_SERVICE;
