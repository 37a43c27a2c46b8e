import { timingSafeEqual } from 'node:crypto';
import { identityFromHeaders, type Identity } from './identity';
import { AuthenticationError } from './authentication-error';
import { assertHeadersModeHost, isInternalPath, SERVICE_CALLER_ID, SERVICE_KEY_HEADER, type AuthSettings } from './auth-settings';
import { hs256Verifier, jwksVerifier, MAX_CALLER_ID_LENGTH, type TokenVerifier } from './token-verifier';

export type RequestHeaders = Record<string, string | string[] | undefined>;

/** Who calls, from a request's headers: the verified Identity, or an AuthenticationError saying what was wrong. */
export interface Authenticator {
  readonly mode: AuthSettings['mode'];
  authenticate(pathname: string, headers: RequestHeaders): Promise<Identity>;
}

export interface AuthenticatorOptions {
  /** Where the process listens: headers mode refuses anything but loopback. */
  host: string;
  /** Multi-process mode: the secret other platform processes prove themselves with (SERVICE_KEY_HEADER). */
  serviceKey?: string;
}

const SERVICE_CALLER: Identity = { id: SERVICE_CALLER_ID, role: 'admin', shopIds: [] };

/**
 * The authenticator of a process. A call carrying the service key is another platform process; /internal routes take
 * nothing else. Any other call needs a bearer token (jwks, hs256) or, in headers mode, the X-Actor-* headers.
 */
export function createAuthenticator(settings: AuthSettings, options: AuthenticatorOptions): Authenticator {
  if (settings.mode === 'headers') assertHeadersModeHost(options.host);
  const callerOf = callerReader(settings);
  return {
    mode: settings.mode,
    async authenticate(pathname, headers) {
      const serviceKey = first(headers[SERVICE_KEY_HEADER]);
      if (serviceKey !== undefined) {
        if (!options.serviceKey || !sameSecret(serviceKey, options.serviceKey)) {
          throw new AuthenticationError('invalid_token', 'The service credential is not the one this platform made');
        }
        return SERVICE_CALLER;
      }
      if (isInternalPath(pathname)) {
        throw new AuthenticationError('service_credential_required', 'Internal routes are for the platform\'s own processes and need their service credential');
      }
      return callerOf(headers);
    },
  };
}

function callerReader(settings: AuthSettings): (headers: RequestHeaders) => Promise<Identity> {
  if (settings.mode === 'headers') {
    return async (headers) => {
      const identity = identityFromHeaders(headers);
      if (!identity) {
        throw new AuthenticationError('missing_credentials', 'Headers mode: X-Actor-Id and X-Actor-Role (a caller role) name the caller; X-Actor-Shops is optional');
      }
      if (identity.id.length > MAX_CALLER_ID_LENGTH) throw new AuthenticationError('malformed_credentials', `X-Actor-Id is at most ${MAX_CALLER_ID_LENGTH} characters`);
      return identity;
    };
  }
  const verify: TokenVerifier = settings.mode === 'jwks' ? jwksVerifier(settings) : hs256Verifier(settings);
  return async (headers) => verify(bearerTokenOf(headers));
}

/** The token of `Authorization: Bearer <token>`. */
export function bearerTokenOf(headers: RequestHeaders): string {
  const authorization = first(headers.authorization);
  if (authorization === undefined || authorization.trim() === '') {
    throw new AuthenticationError('missing_credentials', 'This route needs a caller: send Authorization: Bearer <token>');
  }
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization.trim());
  if (!match) throw new AuthenticationError('malformed_credentials', 'The Authorization header must be "Bearer <token>"');
  return match[1];
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Headers mode on loopback: for tests that name their caller in X-Actor-* headers. */
export const localHeadersAuthenticator = (): Authenticator => createAuthenticator({ mode: 'headers' }, { host: '127.0.0.1' });
