import type { Page } from '@aftersales/kernel';
import {
  REVIEWS_COLLECTION,
  reviewOfDocument,
  reviewView,
  type ReviewAudience,
  type ReviewDocument,
  type ReviewView,
} from '../projections';
import { orderFactsOf } from './review.commands';
import { reviewIdOf, reviewStreamId } from './review-handler';
import type { ListReviewsQuery, ListShopReviewsQuery, ReviewDeps } from './reviews.types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export interface ReviewQueries {
  /** The review folded from its stream (a read right after a command sees it). */
  getReview(reviewId: string, audience?: ReviewAudience): Promise<ReviewView | undefined>;
  /** The review of an order, if its buyer posted one. */
  getReviewOfOrder(orderId: string, audience?: ReviewAudience): Promise<ReviewView | undefined>;
  /** Reviews of the shops in scope (every shop when none), by id: the platform's moderation and appeal queues. */
  listReviews(query: ListReviewsQuery, audience?: ReviewAudience): Promise<Page<ReviewView>>;
  /** A shop's reviews by id, filtered by rating and status. */
  listShopReviews(query: ListShopReviewsQuery, audience?: ReviewAudience): Promise<Page<ReviewView>>;
  reviewParties(reviewId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
  orderParties(orderId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
}

export function reviewQueries(deps: ReviewDeps): ReviewQueries {
  const { readModels } = deps.platform;
  const load = async (reviewId: string) => deps.handler.load(reviewStreamId(reviewId));
  const getReview = async (reviewId: string, audience: ReviewAudience = 'full') => {
    const { state, revision } = await load(reviewId);
    return state ? reviewView(state, revision, audience) : undefined;
  };
  return {
    getReview,
    getReviewOfOrder: (orderId, audience) => getReview(reviewIdOf(orderId), audience),
    async listReviews(query, audience = 'full') {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
      const where: Record<string, string | boolean> = {};
      if (query.rating) where.rating = query.rating;
      if (query.status) where.status = query.status;
      if (query.moderation === 'pending') where.awaitingModeration = true;
      if (query.appeal === 'pending') where.appealPending = true;
      const range = query.cursor ? { field: 'id', from: `${query.cursor}\u0000` } : undefined;
      const scopes = query.shopIds === undefined ? [undefined] : [...new Set(query.shopIds)];
      const pages = await Promise.all(
        scopes.map((shopId) => readModels.find<ReviewDocument>(REVIEWS_COLLECTION, { where: shopId === undefined ? where : { ...where, shopId }, range, limit: limit + 1 })),
      );
      const docs = pages.flatMap((page) => page.items).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const items = docs.slice(0, limit).map((doc) => reviewView(reviewOfDocument(doc), doc.revision, audience));
      return { items, ...(docs.length > limit && items.length > 0 ? { nextCursor: items[items.length - 1].id } : {}) };
    },
    async listShopReviews(query, audience = 'full') {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
      const where: Record<string, string> = { shopId: query.shopId };
      if (query.rating) where.rating = query.rating;
      if (query.status) where.status = query.status;
      const range = query.cursor ? { field: 'id', from: `${query.cursor}\u0000` } : undefined;
      const page = await readModels.find<ReviewDocument>(REVIEWS_COLLECTION, { where, range, limit });
      const items = page.items.map((doc) => reviewView(reviewOfDocument(doc), doc.revision, audience));
      return { items, ...(page.nextCursor && items.length > 0 ? { nextCursor: items[items.length - 1].id } : {}) };
    },
    async reviewParties(reviewId) {
      const { state } = await load(reviewId);
      return state ? { buyerId: state.buyerId, shopId: state.shopId } : undefined;
    },
    async orderParties(orderId) {
      const facts = await orderFactsOf(deps, orderId);
      return facts ? { buyerId: facts.buyerId, shopId: facts.shopId } : undefined;
    },
  };
}
