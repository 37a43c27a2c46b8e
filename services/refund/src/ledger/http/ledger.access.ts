import type { AccessTable } from '@aftersales/nest';

/** The ledger and reconciliation: finance's (api.md "Identity and roles"). */
export const LEDGER_ACCESS: AccessTable = {
  capability: 'ledger',
  operations: {
    entries: { rule: 'ledger.read_by_finance', allow: { finance: 'any' } },
    reconciliation: { rule: 'ledger.read_by_finance', allow: { finance: 'any' } },
  },
};
