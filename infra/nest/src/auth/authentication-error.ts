/** Why a request has no identity: becomes a 401 problem (`code`, `detail`) with `WWW-Authenticate: Bearer`. */
export class AuthenticationError extends Error {
  constructor(
    readonly code: 'missing_credentials' | 'malformed_credentials' | 'invalid_token' | 'token_expired' | 'invalid_claims' | 'service_credential_required',
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
