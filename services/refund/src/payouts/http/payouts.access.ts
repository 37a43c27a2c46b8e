import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { PayoutService } from '../application';
import { PAYOUT_SERVICE_TOKEN } from './payouts.tokens';

const PAYOUT = { kind: 'payout', param: 'payoutId' } as const;
/** Finance across shops; supervisors their shops' payouts (they re-drive them); platform reads every shop. */
const READERS = { finance: 'any', platform: 'any', supervisor: 'shop' } as const;

const owners: OwnerLookups<PayoutService> = {
  token: PAYOUT_SERVICE_TOKEN,
  kinds: {
    payout: async (payouts, payoutId) => {
      const payout = await payouts.getPayout(payoutId);
      return payout ? { buyerId: payout.buyerId, shopId: payout.shopId } : undefined;
    },
  },
};

export const PAYOUTS_ACCESS: AccessTable = {
  capability: 'payouts',
  owners,
  operations: {
    list: { rule: 'payout.read_by_finance', allow: READERS },
    get: { rule: 'payout.read_by_finance', allow: READERS, resource: PAYOUT },
    retry: { rule: 'payout.redrive_by_finance_or_supervisor', allow: { finance: 'any', supervisor: 'shop' }, resource: PAYOUT },
  },
};

/** The embedded fake payment provider's controls: /admin, the admin's. */
export const FAKE_PAYMENT_PROVIDER_ACCESS: AccessTable = {
  capability: 'payment-provider',
  operations: {
    payments: { rule: 'admin.payment_provider_by_admin', allow: { admin: 'any' } },
    faults: { rule: 'admin.payment_provider_by_admin', allow: { admin: 'any' } },
  },
};
