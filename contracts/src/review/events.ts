import type { DomainEventOf, EventDefinition } from '../define-event';
import { PROTECTED_FIELDS, withSealableFields } from '../protected-fields';
import { reviewAppealEvents } from './appeal-events';
import { reviewFollowUpEvents } from './follow-up-events';
import { reviewLifecycleEvents } from './review-events';
import { supersededReviewEvents } from './superseded-events';

export * from './vocabulary';
export * from './review-events';
export * from './follow-up-events';
export * from './appeal-events';
export * from './superseded-events';

/** The events of a review (stream `review-<reviewId>`) in the version written today. */
const reviewStreamDefinitions = [...reviewLifecycleEvents, ...reviewAppealEvents];

/** The review service's catalogue: `XxxEvent` is the definition of event type Xxx, type `Xxx` its data. */
const definitions = [...reviewStreamDefinitions, ...reviewFollowUpEvents];

/** As registered: the buyer's texts (see PROTECTED_FIELDS) accept their sealed form too. */
const registered = (definition: EventDefinition): EventDefinition =>
  PROTECTED_FIELDS[definition.type] ? withSealableFields(definition, PROTECTED_FIELDS[definition.type]) : definition;

/**
 * Every review event definition, in catalogue order: the versions written today (sealable where the buyer writes),
 * then the published versions superseded or retired (`XxxEventV1`), which readers still accept.
 */
export const reviewEvents: EventDefinition[] = [...definitions.map(registered), ...supersededReviewEvents];

/** `{ type, data }` of every event of a review stream, in the version written today: what the review decider emits and folds. */
export type ReviewStreamEvent = DomainEventOf<(typeof reviewStreamDefinitions)[number]>;
export type ReviewStreamEventType = ReviewStreamEvent['type'];

/** `{ type, data }` of every review-service event written today (reviews, bad-review follow-ups, appeals). */
export type ReviewEvent = DomainEventOf<(typeof definitions)[number]>;
export type ReviewEventType = ReviewEvent['type'];
/** The data of one review event type. */
export type ReviewEventData<T extends ReviewEventType> = Extract<ReviewEvent, { type: T }>['data'];
