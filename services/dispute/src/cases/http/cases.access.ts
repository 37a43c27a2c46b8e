import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { CaseService } from '../application';
import { CASE_SERVICE_TOKEN } from './cases.tokens';

const CASE = { kind: 'dispute', param: 'disputeId' } as const;
const BUYER = { buyer: 'own' } as const;
const SHOP_STAFF = { agent: 'shop', supervisor: 'shop' } as const;
const PARTIES = { ...BUYER, ...SHOP_STAFF } as const;
/** Who reads a case: its buyer, the shop's staff, platform and finance across shops. */
const READERS = { ...PARTIES, platform: 'any', finance: 'any' } as const;

const owners: OwnerLookups<CaseService> = {
  token: CASE_SERVICE_TOKEN,
  kinds: {
    order: (cases, orderId) => cases.orderParties(orderId),
    dispute: (cases, disputeId) => cases.caseParties(disputeId),
  },
};

/** Who may do what on /disputes (api.md "Identity and roles"): buyers complain and answer, shops handle, the platform arbitrates. */
export const CASES_ACCESS: AccessTable = {
  capability: 'cases',
  owners,
  operations: {
    open: { rule: 'dispute.intake_by_buyer_or_agent', allow: { buyer: 'own', agent: 'shop', supervisor: 'shop' }, resource: { kind: 'order', body: 'orderId' } },
    assign: { rule: 'dispute.assignment_by_shop_staff', allow: SHOP_STAFF, resource: CASE },
    postMessage: { rule: 'dispute.message_by_party', allow: { ...PARTIES, platform: 'any' }, resource: CASE },
    proposeRemedy: { rule: 'dispute.remedy_by_shop_staff', allow: SHOP_STAFF, resource: CASE },
    approveRemedy: { rule: 'dispute.remedy_approval_by_supervisor', allow: { supervisor: 'shop' }, resource: CASE },
    acceptRemedy: { rule: 'dispute.remedy_answer_by_buyer', allow: BUYER, resource: CASE },
    declineRemedy: { rule: 'dispute.remedy_answer_by_buyer', allow: BUYER, resource: CASE },
    escalate: { rule: 'dispute.escalation_by_party', allow: PARTIES, resource: CASE },
    requestEvidence: { rule: 'dispute.arbitration_by_platform', allow: { platform: 'any' }, resource: CASE },
    submitEvidence: { rule: 'dispute.evidence_by_party', allow: PARTIES, resource: CASE },
    rule: { rule: 'dispute.arbitration_by_platform', allow: { platform: 'any' }, resource: CASE },
    appeal: { rule: 'dispute.appeal_by_party', allow: PARTIES, resource: CASE },
    followUp: { rule: 'dispute.follow_up_by_shop_staff', allow: SHOP_STAFF, resource: CASE },
    get: { rule: 'dispute.read', allow: READERS, resource: CASE },
    events: { rule: 'dispute.read', allow: READERS, resource: CASE },
    listByOrder: { rule: 'dispute.read', allow: READERS, resource: { kind: 'order', param: 'orderId' } },
    list: { rule: 'dispute.read', allow: READERS },
  },
};
