/**
 * TEMPORARY — deleted at the merge with branch auth-tokens, whose authentication sets the identity instead.
 * Until then the authorisation branch takes the caller from the X-Actor headers (headers mode), so its guard and
 * tests run. Registered in one place: registerHttpKit.
 */
import type { HttpRequestLike } from '../http/http-types';
import { identityFromHeaders, setIdentity } from './identity';

export function temporaryHeaderIdentity() {
  return (req: HttpRequestLike, _res: unknown, next: () => void): void => {
    const identity = identityFromHeaders(req.headers);
    if (identity) setIdentity(req, identity);
    next();
  };
}
