import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isCallerRole, type Identity } from './identity';
import { AuthenticationError } from './authentication-error';
import type { Hs256AuthSettings, JwksAuthSettings } from './auth-settings';

/** Seconds a token's `exp`/`nbf` may be off between the issuer's clock and ours. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Longest caller id (`sub`, X-Actor-Id): it scopes idempotency keys and is recorded on every event. */
export const MAX_CALLER_ID_LENGTH = 255;
/** What an identity provider signs with; HS256 only for our own secret. */
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export type TokenVerifier = (token: string) => Promise<Identity>;

export function jwksVerifier(settings: JwksAuthSettings): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  return verifierOf(keys, ASYMMETRIC_ALGORITHMS, settings);
}

export function hs256Verifier(settings: Hs256AuthSettings): TokenVerifier {
  return verifierOf(new TextEncoder().encode(settings.secret), ['HS256'], settings);
}

/** Verified tokens remembered at most (the oldest is forgotten first). */
const VERIFIED_TOKENS = 10_000;

/**
 * Remembers the tokens it verified until they expire: a client sends the same token with every request, and
 * verifying a signature costs some 40–60 µs (a tenth of a note command's CPU). A token is answered from memory only
 * before its `exp` (without the clock tolerance), with the identity its claims gave; a token that failed is never kept.
 */
export function rememberingVerified(verify: (token: string) => Promise<{ identity: Identity; expiresAtMs: number }>, now: () => number = Date.now): TokenVerifier {
  const verified = new Map<string, { identity: Identity; expiresAtMs: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && now() < known.expiresAtMs) return known.identity;
    if (known) verified.delete(token);
    const fresh = await verify(token);
    if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
    verified.set(token, fresh);
    return fresh.identity;
  };
}

function verifierOf(key: Uint8Array | JWTVerifyGetKey, algorithms: string[], checks: { issuer?: string; audience?: string }): TokenVerifier {
  return rememberingVerified(async (token) => {
    let payload: JWTPayload;
    try {
      const options = {
        algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
        ...(checks.issuer ? { issuer: checks.issuer } : {}),
        ...(checks.audience ? { audience: checks.audience } : {}),
      };
      payload = (typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options)).payload;
    } catch (error) {
      throw asAuthenticationError(error);
    }
    return { identity: identityOfClaims(payload), expiresAtMs: (payload.exp as number) * 1000 };
  });
}

/** `sub` → id, `role` (a caller role), `shop_ids` (optional array of strings) → shopIds. */
export function identityOfClaims(payload: JWTPayload): Identity {
  const { sub, role, shop_ids: shops } = payload as JWTPayload & { role?: unknown; shop_ids?: unknown };
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_CALLER_ID_LENGTH) {
    throw new AuthenticationError('invalid_claims', `The token's sub must name the caller (1 to ${MAX_CALLER_ID_LENGTH} characters)`);
  }
  if (typeof role !== 'string' || !isCallerRole(role)) {
    throw new AuthenticationError('invalid_claims', `The token's role claim must be one of the caller roles, not ${JSON.stringify(role ?? null)}`);
  }
  if (shops !== undefined && (!Array.isArray(shops) || !shops.every((shop) => typeof shop === 'string' && shop.length > 0))) {
    throw new AuthenticationError('invalid_claims', "The token's shop_ids claim must be an array of shop ids");
  }
  return { id: sub, role, shopIds: (shops as string[] | undefined) ?? [] };
}

function asAuthenticationError(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('token_expired', 'The bearer token has expired (exp is in the past)');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthenticationError('invalid_claims', `The bearer token's ${error.claim} claim is not acceptable: ${error.message}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('invalid_token', 'The bearer token is not signed by a key this platform trusts');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError('invalid_token', `The bearer token's algorithm is not accepted: ${error.message}`);
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return new AuthenticationError('malformed_credentials', `The bearer token is not a well-formed JWT: ${error.message}`);
  }
  if (error instanceof errors.JOSEError) return new AuthenticationError('invalid_token', `The bearer token could not be verified: ${error.message}`);
  throw error;
}
