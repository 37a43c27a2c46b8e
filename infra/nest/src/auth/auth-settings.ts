/**
 * How a process learns who calls (AFTERSALES_AUTH…): bearer JWTs checked against an identity provider's JWKS, HS256
 * JWTs signed with a shared secret, or (local demos and tests only, loopback only) the X-Actor-* headers as they come.
 */
export type AuthSettings = JwksAuthSettings | Hs256AuthSettings | HeadersAuthSettings;

interface ClaimChecks {
  /** Checked only when set. */
  issuer?: string;
  /** Checked only when set. */
  audience?: string;
}

export interface JwksAuthSettings extends ClaimChecks {
  mode: 'jwks';
  jwksUrl: string;
}

export interface Hs256AuthSettings extends ClaimChecks {
  mode: 'hs256';
  secret: string;
}

export interface HeadersAuthSettings {
  mode: 'headers';
}

/** The header a platform process proves itself with to another (multi-process mode): a secret the coordinator made. */
export const SERVICE_KEY_HEADER = 'x-aftersales-service-key';

/** Who a call between platform processes acts as: it may reach every route, /internal ones included. */
export const SERVICE_CALLER_ID = 'service:platform';

/** Routes any caller may reach without an identity: health, the OpenAPI document and its Swagger UI. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/health' || pathname === '/openapi.json' || pathname === '/docs' || pathname.startsWith('/docs/') || pathname.startsWith('/docs-');
}

/** Routes only other platform processes may call, with the service key (never through the gateway). */
export const isInternalPath = (pathname: string): boolean => pathname === '/internal' || pathname.startsWith('/internal/');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOSTS.has(host.trim().toLowerCase());

export const HEADERS_MODE_WARNING =
  'AFTERSALES_AUTH=headers: callers are whoever the X-Actor-Id/X-Actor-Role/X-Actor-Shops headers claim. ' +
  'For local demos and tests only, never in production (bound to loopback only).';

/** Headers mode trusts whoever can reach the port, so it runs only where nobody else can: on a loopback address. */
export function assertHeadersModeHost(host: string): void {
  if (!isLoopbackHost(host)) {
    throw new Error(
      `AFTERSALES_AUTH=headers trusts the X-Actor-* headers and is for local demos and tests only: it refuses to start on HOST=${host}; ` +
        'bind to 127.0.0.1, ::1 or localhost, or configure tokens (AFTERSALES_AUTH_JWKS_URL or AFTERSALES_AUTH_SECRET)',
    );
  }
}

let headersModeAnnounced = false;

/** Logs HEADERS_MODE_WARNING, once per process (a test process starts many systems). */
export function announceHeadersMode(log: (line: string) => void = (line) => console.warn(line)): void {
  if (headersModeAnnounced) return;
  headersModeAnnounced = true;
  log(HEADERS_MODE_WARNING);
}
