import { runtimeWithoutTimers } from '@aftersales/kernel';
import { sourceEventsProjection } from '../projections/source-events.projection';

/** The audit keeps its own copy of the order events decisions name (see source-events.projection.ts); no timers. */
export const auditRuntime = runtimeWithoutTimers('audit', 'the audit', [sourceEventsProjection]);
