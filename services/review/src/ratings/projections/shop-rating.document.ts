import type { ReviewRating } from '@aftersales/contracts';

/** One document per shop: the counts over counted reviews and the follow-up figures (`shop_ratings`). */
export const SHOP_RATINGS_COLLECTION = 'shop_ratings';
/** Per review: what it contributes to its shop's counts now, so moderation, a revision or a hide can move them. */
export const SHOP_RATING_REVIEWS_COLLECTION = 'shop_rating_reviews';
/** Per follow-up case: when it opened and whether it was contacted, for the time to first contact. */
export const SHOP_RATING_FOLLOW_UPS_COLLECTION = 'shop_rating_follow_ups';

/**
 * Minutes to first contact are kept as a sparse histogram of whole minutes (minute → follow-ups), every contact after
 * a week in one last bucket: at most 10 081 keys per shop however many follow-ups it has, and the median is exact to
 * the minute (a contact later than a week counts as a week).
 */
export const MINUTES_TO_CONTACT_CAP = 7 * 24 * 60;

export type ReviewCountingStatus = 'published' | 'held' | 'rejected' | 'hidden';

export interface RatedReviewDoc {
  id: string;
  shopId: string;
  rating: ReviewRating;
  status: ReviewCountingStatus;
  /** Revision of the review stream's last event applied. */
  revision: number;
  [field: string]: unknown;
}

export interface RatedFollowUpDoc {
  id: string;
  shopId: string;
  openedAt: string;
  firstContactBy?: string;
  contacted: boolean;
  revisedUpward: boolean;
  revision: number;
  [field: string]: unknown;
}

export interface ShopRatingDoc {
  id: string;
  shopId: string;
  positive: number;
  neutral: number;
  negative: number;
  followUps: { opened: number; contacted: number; contactedInTime: number; revisedUpward: number };
  /** Whole minutes from opening to first contact → how many follow-ups (see MINUTES_TO_CONTACT_CAP). */
  minutesToContact: Record<string, number>;
  [field: string]: unknown;
}

export const emptyShopRating = (shopId: string): ShopRatingDoc => ({
  id: shopId,
  shopId,
  positive: 0,
  neutral: 0,
  negative: 0,
  followUps: { opened: 0, contacted: 0, contactedInTime: 0, revisedUpward: 0 },
  minutesToContact: {},
});

/** GET /shops/{shopId}/rating. */
export interface ShopRatingView {
  shopId: string;
  positive: number;
  neutral: number;
  negative: number;
  /** 好评 +1, 中评 0, 差评 −1 over counted reviews. */
  score: number;
  /** positive / counted reviews, 4 decimals; null without counted reviews. */
  positiveRate: number | null;
  followUps: {
    opened: number;
    contactedInTime: number;
    revisedUpward: number;
    /** revisedUpward / opened, 4 decimals; null without follow-ups. */
    revisionRate: number | null;
    /** Median whole minutes from opening to first contact over contacted follow-ups; null when none was contacted. */
    medianMinutesToContact: number | null;
  };
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** The median of a minute histogram: the middle value, or the mean of the two middle values. */
export function medianOfHistogram(histogram: Readonly<Record<string, number>>): number | null {
  const buckets = Object.entries(histogram)
    .map(([minute, count]) => [Number(minute), count] as const)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const [minute, count] of buckets) {
      seen += count;
      if (index < seen) return minute;
    }
    return buckets[buckets.length - 1][0];
  };
  const lower = valueAt(Math.floor((total - 1) / 2));
  const upper = valueAt(Math.floor(total / 2));
  return (lower + upper) / 2;
}

export function shopRatingView(doc: ShopRatingDoc): ShopRatingView {
  const counted = doc.positive + doc.neutral + doc.negative;
  return {
    shopId: doc.shopId,
    positive: doc.positive,
    neutral: doc.neutral,
    negative: doc.negative,
    score: doc.positive - doc.negative,
    positiveRate: rate(doc.positive, counted),
    followUps: {
      opened: doc.followUps.opened,
      contactedInTime: doc.followUps.contactedInTime,
      revisedUpward: doc.followUps.revisedUpward,
      revisionRate: rate(doc.followUps.revisedUpward, doc.followUps.opened),
      medianMinutesToContact: medianOfHistogram(doc.minutesToContact),
    },
  };
}
