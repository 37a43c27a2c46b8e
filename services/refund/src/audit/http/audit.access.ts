import type { AccessTable } from '@aftersales/nest';

/** The compensation audit (writes nothing): finance or admin (api.md "Audit"). */
export const AUDIT_ACCESS: AccessTable = {
  capability: 'audit',
  operations: {
    verify: { rule: 'audit.by_finance_or_admin', allow: { finance: 'any', admin: 'any' } },
    whatIf: { rule: 'audit.by_finance_or_admin', allow: { finance: 'any', admin: 'any' } },
  },
};
