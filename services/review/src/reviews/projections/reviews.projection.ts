import type { ReviewStreamEvent } from '@aftersales/contracts';
import { toDomainEvent, type Projection } from '@aftersales/kernel';
import { evolveReview, type Review } from '../domain';
import { heldTexts } from '../domain/decide-posting';
import { isCounted } from './review.view';

/** The `reviews` collection: each review folded with the decider's evolve, its revision, and whether it counts. */
export const REVIEWS_COLLECTION = 'reviews';

/**
 * `awaitingModeration`: some text of it is held for the platform; `appealPending`: the shop's appeal waits for the
 * platform's decision (top-level flags, so the platform's queues are equality filters).
 */
export type ReviewDocument = Review & { revision: number; counted: boolean; awaitingModeration?: boolean; appealPending?: boolean; [field: string]: unknown };

export const reviewEventTypes: ReadonlySet<string> = new Set([
  'ReviewPosted',
  'ReviewModerated',
  'ReviewExplanationPosted',
  'FollowUpReviewPosted',
  'ReviewRevised',
  'MaliciousReviewAppealFiled',
  'MaliciousReviewAppealDecided',
]);

export function reviewOfDocument(doc: ReviewDocument): Review {
  const { revision: _revision, counted: _counted, awaitingModeration: _held, appealPending: _appeal, ...review } = doc;
  return review as Review;
}

/** The `reviews` read model: a pure fold of the review streams, rebuildable from the log (lists by shop read it). */
export const reviewsProjection: Projection = {
  name: 'reviews',
  collections: [REVIEWS_COLLECTION],
  handles: (eventType) => reviewEventTypes.has(eventType),
  reads: 'payload',
  async apply(event, uow) {
    const reviewId = (event.data as { reviewId: string }).reviewId;
    if (event.streamId !== `review-${reviewId}`) return;
    const current = await uow.get<ReviewDocument>(REVIEWS_COLLECTION, reviewId);
    if (current && current.revision >= event.revision) return;
    const next = evolveReview(current ? reviewOfDocument(current) : null, toDomainEvent(event) as ReviewStreamEvent);
    if (!next) return;
    uow.put(REVIEWS_COLLECTION, {
      ...next,
      revision: event.revision,
      counted: isCounted(next),
      awaitingModeration: heldTexts(next).length > 0,
      appealPending: next.appeal !== undefined && next.appeal.decision === undefined,
    });
  },
};
