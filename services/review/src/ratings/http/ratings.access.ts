import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { RatingsService } from '../application';
import { RATINGS_SERVICE_TOKEN } from './ratings.tokens';

/** A shop id names its own owner: every shop has a rating (zero counts before its first review). */
const owners: OwnerLookups<RatingsService> = {
  token: RATINGS_SERVICE_TOKEN,
  kinds: { shop: async (_ratings, shopId) => ({ shopId }) },
};

/** A shop's rating: its own staff, and the platform, supervisors and finance of every shop they may see. */
export const RATINGS_ACCESS: AccessTable = {
  capability: 'ratings',
  owners,
  operations: {
    shopRating: {
      rule: 'rating.read_by_shop_staff_platform_or_finance',
      allow: { platform: 'any', finance: 'any', supervisor: 'shop', agent: 'shop' },
      resource: { kind: 'shop', param: 'shopId' },
    },
  },
};
