import { currentReviewFollowUpEvents, type DomainEventOf } from '@aftersales/contracts';
import { withoutUndefined } from '@aftersales/kernel';

/** `{ type, data }` of every follow-up event in the version written today: what the decider emits and folds. */
export type ReviewFollowUpEvent = DomainEventOf<(typeof currentReviewFollowUpEvents)[number]>;
export type ReviewFollowUpEventType = ReviewFollowUpEvent['type'];
type FollowUpEventData<T extends ReviewFollowUpEventType> = Extract<ReviewFollowUpEvent, { type: T }>['data'];

/** Builds a typed follow-up event, leaving out optional fields that are undefined. */
export const followUpEvent = <T extends ReviewFollowUpEventType>(type: T, data: FollowUpEventData<T>): ReviewFollowUpEvent =>
  ({ type, data: withoutUndefined(data) }) as ReviewFollowUpEvent;
