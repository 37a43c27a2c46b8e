import { compensationWorld } from '../../compensation/testing/compensation-world';
import { auditRuntime } from '../application/audit-runtime';
import { createCompensationAudit } from '../application/compensation-audit';

/** The compensation world with the audit's source events following its log, and the audit replay on top. */
export function auditWorld() {
  const w = compensationWorld({}, [auditRuntime]);
  return { ...w, audit: createCompensationAudit(w.env.eventStore, w.env.readModels) };
}
