/**
 * Who calls, once the edge has verified it: the seam between authentication (a bearer token, or headers in local
 * demo mode) and authorisation (the per-capability access tables). Authentication sets it on the request; everything
 * after it (access rules, the CommandContext's actor) reads it from there, never from the request's headers.
 */
export type CallerRole = 'buyer' | 'agent' | 'supervisor' | 'platform' | 'finance' | 'integrator' | 'admin';

export const CALLER_ROLES: readonly CallerRole[] = ['buyer', 'agent', 'supervisor', 'platform', 'finance', 'integrator', 'admin'];

export interface Identity {
  /** The token's `sub` (or X-Actor-Id in headers mode). */
  readonly id: string;
  readonly role: CallerRole;
  /** The shops a shop's staff (agent, supervisor) work for: the token's `shop_ids` (or X-Actor-Shops). */
  readonly shopIds: readonly string[];
}

const IDENTITY = Symbol('aftersales.identity');

type CarriesIdentity = { [IDENTITY]?: Identity };

export function setIdentity(req: object, identity: Identity): void {
  (req as CarriesIdentity)[IDENTITY] = identity;
}

/** The verified caller of a request, or undefined before authentication ran (or on a route that needs none). */
export function identityOf(req: object): Identity | undefined {
  return (req as CarriesIdentity)[IDENTITY];
}

export const isCallerRole = (value: string): value is CallerRole => (CALLER_ROLES as readonly string[]).includes(value);

/** The headers that name the caller in headers mode (AFTERSALES_AUTH=headers: local demos and tests, loopback only). */
export const IDENTITY_HEADERS = { id: 'x-actor-id', role: 'x-actor-role', shops: 'x-actor-shops' } as const;

/**
 * The identity the headers claim (X-Actor-Id, X-Actor-Role, X-Actor-Shops as a comma-separated list), or undefined when
 * they do not name a caller. Only headers mode may trust it.
 */
export function identityFromHeaders(headers: Record<string, string | string[] | undefined>): Identity | undefined {
  const first = (name: string): string | undefined => {
    const value = headers[name];
    return (Array.isArray(value) ? value[0] : value)?.trim();
  };
  const id = first(IDENTITY_HEADERS.id);
  const role = first(IDENTITY_HEADERS.role);
  if (!id || !role || !isCallerRole(role)) return undefined;
  const shops = first(IDENTITY_HEADERS.shops);
  const shopIds = shops ? shops.split(',').map((shop) => shop.trim()).filter((shop) => shop.length > 0) : [];
  return { id, role, shopIds };
}
