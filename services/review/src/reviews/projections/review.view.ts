import type { Review } from '../domain';

/** Who reads a review: its buyer and the platform see everything; others do not see the buyer's texts held or rejected. */
export type ReviewAudience = 'full' | 'public';

const withheld = (status: string | undefined) => status === 'held' || status === 'rejected';

/** Counted in the shop's rating: published, not hidden (held, rejected and hidden reviews do not count). */
export const isCounted = (review: Review): boolean => review.status === 'published';

/** The review as the API shows it (api.md "Reviews"): `counted` and the revision (ETag) beside the folded state. */
export function reviewView(review: Review, revision: number, audience: ReviewAudience = 'full') {
  const hide = audience === 'public';
  return {
    id: review.id,
    orderId: review.orderId,
    shopId: review.shopId,
    buyerId: review.buyerId,
    rating: review.rating,
    score: review.score,
    text: hide && withheld(review.status) ? '' : review.text,
    images: hide && withheld(review.status) ? [] : review.images,
    status: review.status,
    counted: isCounted(review),
    postedAt: review.postedAt,
    completedAt: review.completedAt,
    ...(review.hold || review.moderation
      ? { moderation: { ...(review.hold ? { hold: review.hold } : {}), ...(review.moderation ?? {}) } }
      : {}),
    ...(review.explanation ? { explanation: review.explanation } : {}),
    ...(review.followUpReview
      ? { followUpReview: hide && withheld(review.followUpReview.status) ? { ...review.followUpReview, text: '' } : review.followUpReview }
      : {}),
    revisions: review.revisions.map((r) => (hide && withheld(r.textStatus) ? { ...r, text: undefined } : r)).map(withoutUndefinedFields),
    ...(review.appeal
      ? {
          appeal: {
            appealId: review.appeal.appealId,
            status: review.appeal.decision ? (review.appeal.decision.upheld ? 'upheld' : 'dismissed') : 'pending',
            reason: review.appeal.reason,
            evidence: review.appeal.evidence,
            filedAt: review.appeal.filedAt,
            ...(review.appeal.decision ? { decision: review.appeal.decision } : {}),
          },
        }
      : {}),
    revision,
  };
}
export type ReviewView = ReturnType<typeof reviewView>;

function withoutUndefinedFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
