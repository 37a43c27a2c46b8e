import { PUBLIC, type AccessTable } from '@aftersales/nest';

const ADMIN = { admin: 'any' } as const;

/** The process's /admin routes: the admin's only. */
export const BUS_ACCESS: AccessTable = { capability: 'bus', operations: { lag: { rule: 'admin.bus_by_admin', allow: ADMIN } } };

export const SETTLE_ACCESS: AccessTable = { capability: 'settle', operations: { settle: { rule: 'admin.settle_by_admin', allow: ADMIN } } };

export const TIMERS_ACCESS: AccessTable = {
  capability: 'timers',
  operations: {
    next: { rule: 'admin.timers_by_admin', allow: ADMIN },
    fireDue: { rule: 'admin.timers_by_admin', allow: ADMIN },
    set: { rule: 'admin.clock_by_admin', allow: ADMIN },
  },
};

/** A buyer's personal data erased (crypto-shredding): the admin's only. */
export const ERASURE_ACCESS: AccessTable = { capability: 'erasure', operations: { erase: { rule: 'admin.erasure_by_admin', allow: ADMIN } } };

/**
 * /internal between service processes (multi-process mode only, not in the OpenAPI). Authentication lets nothing but
 * the platform's service credential reach it (and the gateway answers 404 for it); the table lets that caller through.
 */
export const PEER_COMMANDS_ACCESS: AccessTable = {
  capability: 'peers',
  operations: { createReissueShipment: { rule: 'internal.service_credential', allow: PUBLIC } },
};
