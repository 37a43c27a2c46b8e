import type { Identity, Role } from '../auth/session';

/**
 * Who may do what, as the server says: the OpenAPI document (/openapi.json) carries per operation the extension
 * `x-access: {rule, allow: {role: ownership}}`, made from the same access tables the server's guard applies. The console
 * offers an action only when the caller's role is allowed and, when the resource's shop or buyer is known, the caller
 * holds the ownership; the server decides anyway (a forced call answers 403, shown in words).
 */

export type Ownership = 'own' | 'shop' | 'any';

export interface OperationAccess {
  rule: string;
  allow: Partial<Record<Role, Ownership>>;
}

/** `METHOD /path/{template}` → its access, e.g. `POST /refunds/{refundId}/approval`. */
export type AccessIndex = ReadonlyMap<string, OperationAccess>;

/** What the resource an action touches belongs to, when the page knows it. */
export interface AccessScope {
  shopId?: string;
  buyerId?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface OpenApiLike {
  paths?: Record<string, Partial<Record<string, { 'x-access'?: unknown; [member: string]: unknown }>>>;
}

const isAccess = (value: unknown): value is OperationAccess =>
  typeof value === 'object' && value !== null && typeof (value as OperationAccess).rule === 'string' && typeof (value as OperationAccess).allow === 'object';

export function accessIndexOf(document: OpenApiLike): AccessIndex {
  const index = new Map<string, OperationAccess>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const access = item?.[method]?.['x-access'];
      if (isAccess(access)) index.set(`${method.toUpperCase()} ${path}`, access);
    }
  }
  return index;
}

/** Whether to offer `operation` to `identity`: an operation the document does not list is not offered. */
export function can(index: AccessIndex, identity: Identity | undefined, operation: string, scope: AccessScope = {}): boolean {
  if (!identity) return false;
  const ownership = index.get(operation)?.allow[identity.role];
  switch (ownership) {
    case 'any':
      return true;
    case 'shop':
      return scope.shopId === undefined || identity.shopIds.includes(scope.shopId);
    case 'own':
      return scope.buyerId === undefined || scope.buyerId === identity.id;
    default:
      return false;
  }
}
