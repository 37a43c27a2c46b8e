import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { ReviewsService } from '../application';
import { REVIEWS_SERVICE_TOKEN } from './reviews.tokens';

const REVIEW = { kind: 'review', param: 'reviewId' } as const;
const BUYER = { buyer: 'own' } as const;
const SHOP_STAFF = { agent: 'shop', supervisor: 'shop' } as const;
const PLATFORM = { platform: 'any' } as const;
/** Who reads a review: its buyer, the shop's staff, the platform (and finance, like every read across shops). */
const READERS = { ...BUYER, ...SHOP_STAFF, platform: 'any', finance: 'any' } as const;

const owners: OwnerLookups<ReviewsService> = {
  token: REVIEWS_SERVICE_TOKEN,
  kinds: {
    order: (reviews, orderId) => reviews.orderParties(orderId),
    review: (reviews, reviewId) => reviews.reviewParties(reviewId),
    shop: async (_reviews, shopId) => ({ shopId }),
  },
};

/** Who may do what on /reviews (api.md "Reviews"): the buyer reviews, the shop explains and appeals, the platform moderates and decides. */
export const REVIEWS_ACCESS: AccessTable = {
  capability: 'reviews',
  owners,
  operations: {
    post: { rule: 'review.by_order_buyer', allow: BUYER, resource: { kind: 'order', body: 'orderId' } },
    moderate: { rule: 'review.moderation_by_platform', allow: PLATFORM, resource: REVIEW },
    explain: { rule: 'review.explanation_by_shop_staff', allow: SHOP_STAFF, resource: REVIEW },
    followUpReview: { rule: 'review.follow_up_review_by_buyer', allow: BUYER, resource: REVIEW },
    revise: { rule: 'review.revision_by_buyer', allow: BUYER, resource: REVIEW },
    appeal: { rule: 'review.appeal_by_shop_staff', allow: SHOP_STAFF, resource: REVIEW },
    decideAppeal: { rule: 'review.appeal_decision_by_platform', allow: PLATFORM, resource: REVIEW },
    get: { rule: 'review.read', allow: READERS, resource: REVIEW },
    getByOrder: { rule: 'review.read', allow: READERS, resource: { kind: 'order', param: 'orderId' } },
    list: { rule: 'review.read_reviews', allow: { ...SHOP_STAFF, platform: 'any', finance: 'any' } },
    listByShop: {
      rule: 'review.read_shop_reviews',
      allow: { ...SHOP_STAFF, platform: 'any', finance: 'any' },
      resource: { kind: 'shop', param: 'shopId' },
    },
  },
};
