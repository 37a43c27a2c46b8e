import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { Refunds } from '../application';
import { REFUNDS_TOKEN } from './refunds.tokens';

const REFUND = { kind: 'refund', param: 'refundId' } as const;
const BUYER = { buyer: 'own' } as const;
const SHOP_STAFF = { agent: 'shop', supervisor: 'shop' } as const;
/** Who reads a refund: its buyer, the shop's staff, platform and finance across shops. */
const READERS = { ...BUYER, ...SHOP_STAFF, platform: 'any', finance: 'any' } as const;

const owners: OwnerLookups<Refunds> = {
  token: REFUNDS_TOKEN,
  kinds: {
    order: (refunds, orderId) => refunds.orderParties(orderId),
    refund: (refunds, refundId) => refunds.refundParties(refundId),
  },
};

/** Who may do what on /refunds (api.md "Identity and roles"): buyers ask and return, the shop's staff answer. */
export const REFUNDS_ACCESS: AccessTable = {
  capability: 'refunds',
  owners,
  operations: {
    request: { rule: 'refund.request_by_buyer', allow: BUYER, resource: { kind: 'order', body: 'orderId' } },
    approve: { rule: 'refund.approve_by_shop_staff', allow: SHOP_STAFF, resource: REFUND },
    reject: { rule: 'refund.reject_by_shop_staff', allow: SHOP_STAFF, resource: REFUND },
    shipReturn: { rule: 'refund.return_shipment_by_buyer', allow: BUYER, resource: REFUND },
    confirmReturn: { rule: 'refund.return_receipt_by_shop_staff', allow: SHOP_STAFF, resource: REFUND },
    cancel: { rule: 'refund.cancel_by_buyer', allow: BUYER, resource: REFUND },
    escalate: { rule: 'refund.escalation_by_buyer', allow: BUYER, resource: REFUND },
    shipReissue: { rule: 'refund.reissue_by_shop_staff', allow: SHOP_STAFF, resource: REFUND },
    get: { rule: 'refund.read', allow: READERS, resource: REFUND },
    events: { rule: 'refund.read', allow: READERS, resource: REFUND },
    listByOrder: { rule: 'refund.read', allow: READERS, resource: { kind: 'order', param: 'orderId' } },
    list: { rule: 'refund.read', allow: READERS },
  },
};
