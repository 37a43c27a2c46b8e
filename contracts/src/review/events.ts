import type { DomainEventOf, EventDefinition } from '../define-event';
import { reviewAppealEvents } from './appeal-events';
import { reviewFollowUpEvents } from './follow-up-events';
import { reviewLifecycleEvents } from './review-events';

export * from './vocabulary';
export * from './review-events';
export * from './follow-up-events';
export * from './appeal-events';

/** The review service's catalogue: `XxxEvent` is the definition of event type Xxx, type `Xxx` its data. */
const definitions = [...reviewLifecycleEvents, ...reviewFollowUpEvents, ...reviewAppealEvents];

/** Every review event definition, in catalogue order. */
export const reviewEvents: EventDefinition[] = definitions;

/** `{ type, data }` of every review-service event (reviews, bad-review follow-ups, appeals). */
export type ReviewEvent = DomainEventOf<(typeof definitions)[number]>;
export type ReviewEventType = ReviewEvent['type'];
/** The data of one review event type. */
export type ReviewEventData<T extends ReviewEventType> = Extract<ReviewEvent, { type: T }>['data'];
