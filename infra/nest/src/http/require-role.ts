import type { ActorRole } from '@aftersales/contracts';
import { problem, ProblemException } from './problem';

/** 403 unless the acting role is one of `roles`: who may do it is the edge's business, the rules the domain's. */
export function requireRole(role: ActorRole, roles: readonly ActorRole[], what: string): void {
  if (!roles.includes(role)) {
    throw new ProblemException(problem(403, 'forbidden_role', `${what} needs the role ${roles.join(' or ')}; the request acts as ${role}`, { requiredRoles: roles }));
  }
}
