/** Nest injection token of the CompensationAudit. */
export const COMPENSATION_AUDIT_TOKEN = Symbol('CompensationAudit');
