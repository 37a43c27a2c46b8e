/**
 * Where cli.ts finds the audit while it still lives in this folder (it moves to the composition root). Remove once
 * nothing imports it: the audit is application/compensation-audit.ts, also exported from the package.
 */
export { createCompensationAudit, type CompensationAudit } from './application/compensation-audit';
