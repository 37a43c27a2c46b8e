import { decodeJwt, type JWTPayload } from 'jose';

/**
 * The signed-in caller, as the console knows it: the pasted bearer token and its claims, read (not verified: the
 * server verifies every call) with jose's decodeJwt. Kept in sessionStorage, so it ends with the tab.
 */

export type Role = 'buyer' | 'agent' | 'supervisor' | 'platform' | 'finance' | 'integrator' | 'admin';
export const ROLES: readonly Role[] = ['buyer', 'agent', 'supervisor', 'platform', 'finance', 'integrator', 'admin'];

export interface Identity {
  id: string;
  role: Role;
  shopIds: readonly string[];
}

export interface Session {
  token: string;
  identity: Identity;
  /** The token's `exp`, as epoch milliseconds (none: the token does not expire). */
  expiresAt?: number;
  claims: JWTPayload;
}

/** Why a token was not taken (also why a session ended, with `unauthorized` and `signed_out`). */
export type SignInRefusal = 'empty' | 'malformed' | 'no_subject' | 'no_role' | 'bad_shops' | 'expired';
export type SessionEnd = SignInRefusal | 'unauthorized' | 'signed_out';

export type ReadToken = { ok: true; session: Session } | { ok: false; reason: SignInRefusal };

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Reads a pasted token (a `Bearer ` prefix and whitespace are forgiven) into a session, or says why it cannot be one. */
export function readToken(pasted: string, now: number): ReadToken {
  const token = pasted.trim().replace(/^Bearer\s+/i, '');
  if (token === '') return { ok: false, reason: 'empty' };
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const { sub, role, shop_ids: shops, exp } = claims as JWTPayload & { role?: unknown; shop_ids?: unknown };
  if (typeof sub !== 'string' || sub.trim() === '') return { ok: false, reason: 'no_subject' };
  if (!isRole(role)) return { ok: false, reason: 'no_role' };
  if (shops !== undefined && !(Array.isArray(shops) && shops.every((shop) => typeof shop === 'string'))) return { ok: false, reason: 'bad_shops' };
  const expiresAt = typeof exp === 'number' ? exp * 1000 : undefined;
  if (expiresAt !== undefined && expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, session: { token, identity: { id: sub, role, shopIds: (shops as string[] | undefined) ?? [] }, expiresAt, claims } };
}

const TOKEN_KEY = 'aftersales.console.token';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The stored session if its token still reads and has not expired; a stale one is removed. */
export function restoreSession(store: KeyValueStore, now: number): ReadToken | undefined {
  const token = store.getItem(TOKEN_KEY);
  if (token === null) return undefined;
  const read = readToken(token, now);
  if (!read.ok) store.removeItem(TOKEN_KEY);
  return read;
}

export const storeToken = (store: KeyValueStore, token: string): void => store.setItem(TOKEN_KEY, token);
export const forgetToken = (store: KeyValueStore): void => store.removeItem(TOKEN_KEY);
