import type { ReadModelStore, ServiceRuntime } from '@aftersales/kernel';
import { emptyShopRating, SHOP_RATINGS_COLLECTION, shopRatingsProjection, shopRatingView, type ShopRatingDoc, type ShopRatingView } from '../projections';

export interface RatingsService {
  /** GET /shops/{shopId}/rating: a shop without counted reviews or follow-ups has zero counts. */
  getShopRating(shopId: string): Promise<ShopRatingView>;
  readonly runtime: ServiceRuntime;
}

/** The shop's rating and follow-up figures: a read side only, folded from the review service's own log. */
export function createRatingsService(platform: { readModels: ReadModelStore }): RatingsService {
  return {
    async getShopRating(shopId) {
      const doc = await platform.readModels.get<ShopRatingDoc>(SHOP_RATINGS_COLLECTION, shopId);
      return shopRatingView(doc ?? emptyShopRating(shopId));
    },
    runtime: {
      name: 'review-ratings',
      projections: [shopRatingsProjection],
      timerPolicies: [],
      fireTimer: async () => undefined,
    },
  };
}
