import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { FollowUpService } from '../application';
import { FOLLOW_UP_SERVICE_TOKEN } from './follow-ups.tokens';

const FOLLOW_UP = { kind: 'review_follow_up', param: 'followUpId' } as const;
const SHOP_STAFF = { agent: 'shop', supervisor: 'shop' } as const;
/** Who reads a follow-up: the shop's staff, and the platform across shops. */
const READERS = { ...SHOP_STAFF, platform: 'any' } as const;

const owners: OwnerLookups<FollowUpService> = {
  token: FOLLOW_UP_SERVICE_TOKEN,
  kinds: {
    review_follow_up: (followUps, followUpId) => followUps.followUpParties(followUpId),
  },
};

/** Who may do what on /review-follow-ups (api.md "Identity and roles"): the shop's staff handle them, supervisors approve above the threshold. */
export const FOLLOW_UPS_ACCESS: AccessTable = {
  capability: 'review-follow-ups',
  owners,
  operations: {
    contact: { rule: 'review_follow_up.handled_by_shop_staff', allow: SHOP_STAFF, resource: FOLLOW_UP },
    proposeRemedy: { rule: 'review_follow_up.handled_by_shop_staff', allow: SHOP_STAFF, resource: FOLLOW_UP },
    approveRemedy: { rule: 'review_follow_up.remedy_approval_by_supervisor', allow: { supervisor: 'shop' }, resource: FOLLOW_UP },
    close: { rule: 'review_follow_up.handled_by_shop_staff', allow: SHOP_STAFF, resource: FOLLOW_UP },
    get: { rule: 'review_follow_up.read', allow: READERS, resource: FOLLOW_UP },
    list: { rule: 'review_follow_up.read', allow: READERS },
  },
};
