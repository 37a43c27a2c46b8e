import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { CompensationService } from '../application';
import { COMPENSATION_SERVICE_TOKEN } from './compensation.tokens';

const COMPENSATION = { kind: 'compensation', param: 'compensationId' } as const;
const SHOP_STAFF = { agent: 'shop', supervisor: 'shop' } as const;
const READERS = { buyer: 'own', ...SHOP_STAFF, platform: 'any', finance: 'any' } as const;

const owners: OwnerLookups<CompensationService> = {
  token: COMPENSATION_SERVICE_TOKEN,
  kinds: {
    order: (compensations, orderId) => compensations.orderParties(orderId),
    compensation: (compensations, compensationId) => compensations.compensationParties(compensationId),
  },
};

/** Who may do what on /compensations: the shop's staff (and platform, for rulings) propose, its supervisors approve. */
export const COMPENSATIONS_ACCESS: AccessTable = {
  capability: 'compensations',
  owners,
  operations: {
    propose: { rule: 'compensation.propose_by_shop_staff', allow: { ...SHOP_STAFF, platform: 'any' }, resource: { kind: 'order', body: 'orderId' } },
    approve: { rule: 'compensation.approve_by_supervisor', allow: { supervisor: 'shop' }, resource: COMPENSATION },
    reject: { rule: 'compensation.reject_by_supervisor', allow: { supervisor: 'shop' }, resource: COMPENSATION },
    get: { rule: 'compensation.read', allow: READERS, resource: COMPENSATION },
    forOrder: { rule: 'compensation.read', allow: READERS, resource: { kind: 'order', param: 'orderId' } },
    list: { rule: 'compensation.read', allow: READERS },
  },
};
