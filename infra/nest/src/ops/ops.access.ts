import { PUBLIC, type AccessTable } from '../auth/access-table';

const ADMIN = { admin: 'any' } as const;

/** /health answers anyone (load balancers); the rest of /admin is the admin's. */
export const HEALTH_ACCESS: AccessTable = {
  capability: 'health',
  operations: { health: { rule: 'ops.health_public', allow: PUBLIC } },
};

export const CLOCK_ACCESS: AccessTable = {
  capability: 'clock',
  operations: {
    now: { rule: 'admin.clock_by_admin', allow: ADMIN },
    advance: { rule: 'admin.clock_by_admin', allow: ADMIN },
  },
};

export const PROJECTIONS_ACCESS: AccessTable = {
  capability: 'projections',
  operations: {
    list: { rule: 'admin.projections_by_admin', allow: ADMIN },
    rebuild: { rule: 'admin.projections_by_admin', allow: ADMIN },
  },
};

export const LOG_AUDIT_ACCESS: AccessTable = {
  capability: 'log-audit',
  operations: { verify: { rule: 'admin.log_audit_by_admin', allow: ADMIN } },
};
