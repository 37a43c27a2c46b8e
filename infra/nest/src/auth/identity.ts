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
