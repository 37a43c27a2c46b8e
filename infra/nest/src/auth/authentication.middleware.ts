import type { HttpRequestLike } from '../http/http-types';
import { problem, ProblemException } from '../http/problem';
import type { Middleware } from '../http/request-guards';
import { isPublicPath } from './auth-settings';
import { AuthenticationError } from './authentication-error';
import type { Authenticator } from './authenticator';
import { setIdentity } from './identity';

/** RFC 6750: a 401 names the scheme; a rejected token says why. */
export function wwwAuthenticateOf(error: AuthenticationError): string {
  if (error.code === 'missing_credentials') return 'Bearer realm="aftersales"';
  const description = error.message.replace(/["\\]/g, "'");
  return `Bearer realm="aftersales", error="${error.code === 'malformed_credentials' ? 'invalid_request' : 'invalid_token'}", error_description="${description}"`;
}

export const unauthorized = (error: AuthenticationError): ProblemException => new ProblemException(problem(401, error.code, error.message));

function pathnameOf(req: HttpRequestLike): string {
  const url = req.originalUrl ?? req.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The edge's first step: every route but the public ones (health, the OpenAPI document, its UI) gets the verified
 * caller set on the request (identityOf(req)) before anything else runs, or a 401 problem with WWW-Authenticate.
 */
export function authenticationMiddleware(authenticator: Authenticator): Middleware {
  return (req, res, next) => {
    const pathname = pathnameOf(req);
    if (isPublicPath(pathname)) return next();
    authenticator.authenticate(pathname, req.headers).then(
      (identity) => {
        setIdentity(req, identity);
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AuthenticationError)) return next(error);
        res.setHeader('WWW-Authenticate', wwwAuthenticateOf(error));
        next(unauthorized(error));
      },
    );
  };
}
