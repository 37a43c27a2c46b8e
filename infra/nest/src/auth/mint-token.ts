import { SignJWT } from 'jose';
import type { CallerRole } from './identity';

export interface TokenRequest {
  secret: string;
  sub: string;
  role: CallerRole;
  shopIds?: readonly string[];
  /** How long it is valid: seconds, or a span such as `8h`, `30m`, `7d`. */
  ttl: number | string;
  issuer?: string;
  audience?: string;
}

/** An HS256 token the platform accepts when it verifies with the same secret (`pnpm token`, tests). */
export function mintToken(request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { role: request.role };
  if (request.shopIds && request.shopIds.length > 0) claims.shop_ids = [...request.shopIds];
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(typeof request.ttl === 'number' ? Math.floor(Date.now() / 1000) + request.ttl : request.ttl);
  if (request.issuer) jwt = jwt.setIssuer(request.issuer);
  if (request.audience) jwt = jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(request.secret));
}
