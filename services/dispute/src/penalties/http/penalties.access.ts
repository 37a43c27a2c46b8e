import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { PenaltiesService } from '../application';
import { PENALTIES_SERVICE_TOKEN } from './penalties.tokens';

/** A shop id names its own owner: any shop may have points, so every id is known (none has: 0 points). */
const owners: OwnerLookups<PenaltiesService> = {
  token: PENALTIES_SERVICE_TOKEN,
  kinds: { shop: async (_penalties, shopId) => ({ shopId }) },
};

/** Penalty points: the platform and finance read every shop; a shop's supervisors and agents read their own. */
export const PENALTIES_ACCESS: AccessTable = {
  capability: 'penalties',
  owners,
  operations: {
    penaltyPoints: {
      rule: 'penalty.read_by_platform_finance_or_shop_staff',
      allow: { platform: 'any', finance: 'any', supervisor: 'shop', agent: 'shop' },
      resource: { kind: 'shop', param: 'shopId' },
    },
  },
};

/** The penalty audit (writes nothing): finance or admin, like the compensation audit. */
export const PENALTY_AUDIT_ACCESS: AccessTable = {
  capability: 'penalties',
  operations: {
    verify: { rule: 'audit.by_finance_or_admin', allow: { finance: 'any', admin: 'any' } },
  },
};
