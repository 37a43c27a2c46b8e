import type { DomainEventOf, EventDefinition } from '../define-event';
import { disputeArbitrationEvents } from './arbitration-events';
import { disputeCaseEvents } from './case-events';
import { disputeEvidenceEvents } from './evidence-events';
import { penaltyEvents } from './penalty-events';
import { disputeResolutionEvents } from './resolution-events';

export * from './vocabulary';
export * from './case-events';
export * from './evidence-events';
export * from './arbitration-events';
export * from './resolution-events';
export * from './penalty-events';

/** The dispute service's catalogue: `XxxEvent` is the definition of event type Xxx, type `Xxx` its data. */
const definitions = [
  ...disputeCaseEvents,
  ...disputeEvidenceEvents,
  ...disputeArbitrationEvents,
  ...disputeResolutionEvents,
  ...penaltyEvents,
];

/** Every dispute event definition, in catalogue order. */
export const disputeEvents: EventDefinition[] = definitions;

/** `{ type, data }` of every dispute-service event (cases and shop penalty points). */
export type DisputeEvent = DomainEventOf<(typeof definitions)[number]>;
export type DisputeEventType = DisputeEvent['type'];
/** The data of one dispute event type. */
export type DisputeEventData<T extends DisputeEventType> = Extract<DisputeEvent, { type: T }>['data'];
