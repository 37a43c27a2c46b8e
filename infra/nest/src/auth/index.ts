export * from './identity';
export * from './auth-settings';
export * from './authentication-error';
export * from './authenticator';
export * from './authentication.middleware';
export * from './mint-token';
export { CLOCK_TOLERANCE_SECONDS, identityOfClaims } from './token-verifier';
