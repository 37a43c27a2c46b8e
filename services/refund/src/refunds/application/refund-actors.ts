import { REFUND_SERVICE } from '../policies';

/** Who the refund service's own commands act as: its bus reactions, and the scheduler that fires its timers. */
export const REFUND_ACTOR = { id: 'refund', role: 'system' } as const;
export const REFUND_SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;
/** Consumer group of the refund requests' bus reactions: their command keys are `consumer:refund:<eventId>[:<effect>]`. */
export const REFUND_CONSUMER_GROUP = REFUND_SERVICE;
