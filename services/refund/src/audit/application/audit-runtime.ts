import type { ServiceRuntime } from '@aftersales/kernel';
import { sourceEventsProjection } from '../projections/source-events.projection';

/** The audit keeps its own copy of the order events decisions name (see source-events.projection.ts); no timers. */
export const auditRuntime: ServiceRuntime = {
  name: 'audit',
  projections: [sourceEventsProjection],
  timerPolicies: [],
  fireTimer: async (timer) => {
    throw new Error(`the audit has no timers (got ${timer.timerId})`);
  },
};
