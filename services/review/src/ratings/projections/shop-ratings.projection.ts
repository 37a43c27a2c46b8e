import type { ReviewRating } from '@aftersales/contracts';
import type { Projection, RecordedEvent, UnitOfWork } from '@aftersales/kernel';
import {
  emptyShopRating,
  MINUTES_TO_CONTACT_CAP,
  SHOP_RATING_FOLLOW_UPS_COLLECTION,
  SHOP_RATING_REVIEWS_COLLECTION,
  SHOP_RATINGS_COLLECTION,
  type RatedFollowUpDoc,
  type RatedReviewDoc,
  type ReviewCountingStatus,
  type ShopRatingDoc,
} from './shop-rating.document';

/** Review events that move a shop's counts. */
export const RATING_REVIEW_EVENT_TYPES = ['ReviewPosted', 'ReviewModerated', 'ReviewRevised', 'MaliciousReviewAppealDecided'] as const;
/** Follow-up events that move a shop's follow-up figures. */
export const RATING_FOLLOW_UP_EVENT_TYPES = ['ReviewFollowUpOpened', 'ReviewFollowUpBuyerContacted', 'ReviewFollowUpClosed'] as const;
const handled = new Set<string>([...RATING_REVIEW_EVENT_TYPES, ...RATING_FOLLOW_UP_EVENT_TYPES]);

/**
 * `shop_ratings`: each shop's counts over counted reviews (published, not held, rejected or hidden) and its follow-up
 * figures, with the per-review and per-follow-up documents that let a later event move them. A fold of the review
 * service's log: every step sets a review's or a follow-up's state and applies the difference it makes to its shop, so
 * an event applied twice changes nothing the second time.
 */
export const shopRatingsProjection: Projection = {
  name: 'shop_ratings',
  collections: [SHOP_RATINGS_COLLECTION, SHOP_RATING_REVIEWS_COLLECTION, SHOP_RATING_FOLLOW_UPS_COLLECTION],
  handles: (eventType) => handled.has(eventType),
  reads: 'payload',
  sharesDocuments: true, // every step below builds new documents and never changes one it was given
  async apply(event, uow) {
    if (event.type.startsWith('ReviewFollowUp')) await applyFollowUpEvent(event, uow);
    else await applyReviewEvent(event, uow);
  },
};

type Counted = ReviewRating | undefined;
const countedOf = (doc: RatedReviewDoc | undefined): Counted => (doc && doc.status === 'published' ? doc.rating : undefined);

async function shopOf(uow: UnitOfWork, shopId: string): Promise<ShopRatingDoc> {
  return (await uow.get<ShopRatingDoc>(SHOP_RATINGS_COLLECTION, shopId)) ?? emptyShopRating(shopId);
}

async function applyReviewEvent(event: RecordedEvent, uow: UnitOfWork): Promise<void> {
  const data = event.data as { reviewId: string; shopId?: string };
  const current = await uow.get<RatedReviewDoc>(SHOP_RATING_REVIEWS_COLLECTION, data.reviewId);
  const ownStream = event.streamId === `review-${data.reviewId}`;
  if (current && ownStream && current.revision >= event.revision) return;
  const next = nextReview(current, event);
  if (!next) return;
  const revision = ownStream ? event.revision : (current?.revision ?? -1);
  uow.put(SHOP_RATING_REVIEWS_COLLECTION, { ...next, revision });
  const before = countedOf(current);
  const after = countedOf(next);
  if (before === after) return;
  const shop = await shopOf(uow, next.shopId);
  const counts = { positive: shop.positive, neutral: shop.neutral, negative: shop.negative };
  if (before) counts[before] -= 1;
  if (after) counts[after] += 1;
  uow.put(SHOP_RATINGS_COLLECTION, { ...shop, ...counts });
}

/** The review as its shop's counts see it after the event; undefined when the event does not concern the counts. */
function nextReview(current: RatedReviewDoc | undefined, event: RecordedEvent): RatedReviewDoc | undefined {
  const data = event.data as Record<string, unknown> & { reviewId: string };
  switch (event.type) {
    case 'ReviewPosted': {
      const status = (data.status as ReviewCountingStatus | undefined) ?? 'published'; // v1 reviews were published at once
      return { id: data.reviewId, shopId: data.shopId as string, rating: data.rating as ReviewRating, status, revision: event.revision };
    }
    case 'ReviewModerated': {
      if (!current || data.content !== 'review' || current.status !== 'held') return undefined;
      return { ...current, status: data.decision === 'publish' ? 'published' : 'rejected' };
    }
    case 'ReviewRevised': {
      if (!current) return undefined;
      const rating = ((data.to as { rating?: ReviewRating } | undefined)?.rating ?? data.rating) as ReviewRating | undefined; // v2: to, v1: rating
      return rating ? { ...current, rating } : undefined;
    }
    case 'MaliciousReviewAppealDecided': {
      const removed = (data.reviewRemoved as boolean | undefined) ?? data.upheld === true;
      if (!current || !removed) return undefined;
      return { ...current, status: 'hidden' };
    }
    default:
      return undefined;
  }
}

async function applyFollowUpEvent(event: RecordedEvent, uow: UnitOfWork): Promise<void> {
  const data = event.data as Record<string, unknown> & { followUpId: string };
  const current = await uow.get<RatedFollowUpDoc>(SHOP_RATING_FOLLOW_UPS_COLLECTION, data.followUpId);
  if (event.type === 'ReviewFollowUpOpened') {
    if (current) return;
    const deadlines = data.deadlines as { firstContactBy?: string } | undefined;
    const opened: RatedFollowUpDoc = {
      id: data.followUpId,
      shopId: data.shopId as string,
      openedAt: data.openedAt as string,
      ...(deadlines?.firstContactBy ? { firstContactBy: deadlines.firstContactBy } : {}),
      contacted: false,
      revisedUpward: false,
      revision: event.revision,
    };
    uow.put(SHOP_RATING_FOLLOW_UPS_COLLECTION, opened);
    const shop = await shopOf(uow, opened.shopId);
    uow.put(SHOP_RATINGS_COLLECTION, { ...shop, followUps: { ...shop.followUps, opened: shop.followUps.opened + 1 } });
    return;
  }
  if (!current || current.revision >= event.revision) return;
  if (event.type === 'ReviewFollowUpBuyerContacted' && !current.contacted) {
    const contactedAt = data.contactedAt as string;
    const inTime = typeof data.withinDeadline === 'boolean' ? data.withinDeadline : current.firstContactBy !== undefined && contactedAt <= current.firstContactBy;
    uow.put(SHOP_RATING_FOLLOW_UPS_COLLECTION, { ...current, contacted: true, revision: event.revision });
    const shop = await shopOf(uow, current.shopId);
    const minute = String(minutesBetween(current.openedAt, contactedAt));
    uow.put(SHOP_RATINGS_COLLECTION, {
      ...shop,
      followUps: { ...shop.followUps, contacted: shop.followUps.contacted + 1, contactedInTime: shop.followUps.contactedInTime + (inTime ? 1 : 0) },
      minutesToContact: { ...shop.minutesToContact, [minute]: (shop.minutesToContact[minute] ?? 0) + 1 },
    });
    return;
  }
  if (event.type === 'ReviewFollowUpClosed' && data.outcome === 'revised' && !current.revisedUpward) {
    uow.put(SHOP_RATING_FOLLOW_UPS_COLLECTION, { ...current, revisedUpward: true, revision: event.revision });
    const shop = await shopOf(uow, current.shopId);
    uow.put(SHOP_RATINGS_COLLECTION, { ...shop, followUps: { ...shop.followUps, revisedUpward: shop.followUps.revisedUpward + 1 } });
    return;
  }
  uow.put(SHOP_RATING_FOLLOW_UPS_COLLECTION, { ...current, revision: event.revision });
}

const minutesBetween = (from: string, to: string): number =>
  Math.min(MINUTES_TO_CONTACT_CAP, Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000)));
