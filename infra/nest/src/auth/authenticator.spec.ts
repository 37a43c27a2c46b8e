import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AuthenticationError } from './authentication-error';
import { createAuthenticator, type Authenticator } from './authenticator';
import { SERVICE_KEY_HEADER } from './auth-settings';
import { mintToken } from './mint-token';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const hs256 = (checks: { issuer?: string; audience?: string } = {}) => createAuthenticator({ mode: 'hs256', secret: SECRET, ...checks }, { host: '0.0.0.0' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function refusal(authenticator: Authenticator, headers: Record<string, string>, pathname = '/orders'): Promise<AuthenticationError> {
  try {
    await authenticator.authenticate(pathname, headers);
  } catch (error) {
    if (error instanceof AuthenticationError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('hs256 authenticator', () => {
  it('given a valid token, when authenticated, then the identity is its sub, role and shop_ids', async () => {
    const token = await mintToken({ secret: SECRET, sub: 'agent-7', role: 'agent', shopIds: ['shop-1', 'shop-2'], ttl: '1h' });

    expect(await hs256().authenticate('/orders', bearer(token))).toEqual({ id: 'agent-7', role: 'agent', shopIds: ['shop-1', 'shop-2'] });
  });

  it('given a token without shop_ids, then the identity has no shops', async () => {
    const token = await mintToken({ secret: SECRET, sub: 'buyer-1', role: 'buyer', ttl: 60 });

    expect((await hs256().authenticate('/orders', bearer(token))).shopIds).toEqual([]);
  });

  it('given an expired token, then token_expired', async () => {
    const token = await new SignJWT({ role: 'buyer' }).setProtectedHeader({ alg: 'HS256' }).setSubject('buyer-1').setExpirationTime(nowSeconds() - 3600).sign(new TextEncoder().encode(SECRET));

    expect((await refusal(hs256(), bearer(token))).code).toBe('token_expired');
  });

  it('given a token signed with another secret, then invalid_token', async () => {
    const token = await mintToken({ secret: 'another-secret-of-at-least-thirty-two-chars', sub: 'buyer-1', role: 'buyer', ttl: '1h' });

    expect((await refusal(hs256(), bearer(token))).code).toBe('invalid_token');
  });

  it('given a role that is not a caller role, then invalid_claims naming role', async () => {
    const token = await new SignJWT({ role: 'system' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));

    const error = await refusal(hs256(), bearer(token));
    expect(error.code).toBe('invalid_claims');
    expect(error.message).toContain('role');
  });

  it('given a token without exp, then it is refused', async () => {
    const token = await new SignJWT({ role: 'buyer' }).setProtectedHeader({ alg: 'HS256' }).setSubject('buyer-1').sign(new TextEncoder().encode(SECRET));

    expect((await refusal(hs256(), bearer(token))).code).toBe('invalid_claims');
  });

  it('given shop_ids that are not an array of strings, then invalid_claims', async () => {
    const token = await new SignJWT({ role: 'agent', shop_ids: 'shop-1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));

    expect((await refusal(hs256(), bearer(token))).code).toBe('invalid_claims');
  });

  it.each([
    [{}, 'missing_credentials'],
    [{ authorization: '' }, 'missing_credentials'],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, 'malformed_credentials'],
    [{ authorization: 'Bearer not-a-jwt' }, 'malformed_credentials'],
  ])('given the headers %j, then %s', async (headers, code) => {
    expect((await refusal(hs256(), headers as Record<string, string>)).code).toBe(code);
  });

  it('given X-Actor headers and no token, then they are not taken: missing_credentials', async () => {
    expect((await refusal(hs256(), { 'x-actor-id': 'sup-1', 'x-actor-role': 'supervisor' })).code).toBe('missing_credentials');
  });

  it('given an issuer and audience configured, then only tokens naming both pass', async () => {
    const checked = hs256({ issuer: 'https://id.example', audience: 'aftersales' });
    const right = await mintToken({ secret: SECRET, sub: 'fin-1', role: 'finance', ttl: '1h', issuer: 'https://id.example', audience: 'aftersales' });
    const wrongAudience = await mintToken({ secret: SECRET, sub: 'fin-1', role: 'finance', ttl: '1h', issuer: 'https://id.example', audience: 'other' });
    const noIssuer = await mintToken({ secret: SECRET, sub: 'fin-1', role: 'finance', ttl: '1h', audience: 'aftersales' });

    expect((await checked.authenticate('/ledger/entries', bearer(right))).id).toBe('fin-1');
    expect((await refusal(checked, bearer(wrongAudience))).code).toBe('invalid_claims');
    expect((await refusal(checked, bearer(noIssuer))).code).toBe('invalid_claims');
  });
});

describe('jwks authenticator', () => {
  let server: Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; audience?: string }) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`;
    sign = (claims, options = {}) => {
      let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'key-1' }).setSubject('sup-1').setExpirationTime('1h');
      if (options.issuer) jwt = jwt.setIssuer(options.issuer);
      if (options.audience) jwt = jwt.setAudience(options.audience);
      return jwt.sign(privateKey);
    };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const jwks = (checks: { issuer?: string; audience?: string } = {}) => createAuthenticator({ mode: 'jwks', jwksUrl, ...checks }, { host: '0.0.0.0' });

  it('given a token signed by the provider key, when authenticated, then the identity comes from its claims', async () => {
    const token = await sign({ role: 'supervisor', shop_ids: ['shop-1'] });

    expect(await jwks().authenticate('/refunds', bearer(token))).toEqual({ id: 'sup-1', role: 'supervisor', shopIds: ['shop-1'] });
  });

  it('given a token signed by another key, then invalid_token', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT({ role: 'buyer' }).setProtectedHeader({ alg: 'RS256', kid: 'key-1' }).setSubject('b').setExpirationTime('1h').sign(other.privateKey);

    expect((await refusal(jwks(), bearer(token))).code).toBe('invalid_token');
  });

  it('given an HS256 token (even with a guessable secret), then the algorithm is refused', async () => {
    const token = await mintToken({ secret: SECRET, sub: 'b', role: 'admin', ttl: '1h' });

    expect((await refusal(jwks(), bearer(token))).code).toBe('invalid_token');
  });

  it('given an issuer and audience configured, then a token for another audience is refused', async () => {
    const checked = jwks({ issuer: 'https://id.example', audience: 'aftersales' });

    expect((await checked.authenticate('/refunds', bearer(await sign({ role: 'platform' }, { issuer: 'https://id.example', audience: 'aftersales' })))).role).toBe('platform');
    expect((await refusal(checked, bearer(await sign({ role: 'platform' }, { issuer: 'https://id.example', audience: 'erp' })))).code).toBe('invalid_claims');
    expect((await refusal(checked, bearer(await sign({ role: 'platform' }, { issuer: 'https://evil.example', audience: 'aftersales' })))).code).toBe('invalid_claims');
  });
});

describe('headers mode', () => {
  it.each(['0.0.0.0', '192.168.1.20', 'example.com', '::'])('given HOST=%s, when created, then it refuses to start', (host) => {
    expect(() => createAuthenticator({ mode: 'headers' }, { host })).toThrow(/loopback|127\.0\.0\.1/);
  });

  it.each(['127.0.0.1', '::1', 'localhost'])('given HOST=%s, then the X-Actor headers name the caller', async (host) => {
    const authenticator = createAuthenticator({ mode: 'headers' }, { host });

    expect(await authenticator.authenticate('/orders', { 'x-actor-id': 'agent-7', 'x-actor-role': 'agent', 'x-actor-shops': 'shop-1, shop-2' })).toEqual({
      id: 'agent-7',
      role: 'agent',
      shopIds: ['shop-1', 'shop-2'],
    });
  });

  it('given no or an unknown role, then missing_credentials', async () => {
    const authenticator = createAuthenticator({ mode: 'headers' }, { host: '127.0.0.1' });

    expect((await refusal(authenticator, { 'x-actor-id': 'x', 'x-actor-role': 'system' })).code).toBe('missing_credentials');
    expect((await refusal(authenticator, {})).code).toBe('missing_credentials');
  });

  it('given an X-Actor-Id longer than 255 characters, then malformed_credentials', async () => {
    const authenticator = createAuthenticator({ mode: 'headers' }, { host: '127.0.0.1' });

    expect((await refusal(authenticator, { 'x-actor-id': 'x'.repeat(256), 'x-actor-role': 'buyer' })).code).toBe('malformed_credentials');
  });
});

describe('the service key (calls between platform processes)', () => {
  const withKey = createAuthenticator({ mode: 'hs256', secret: SECRET }, { host: '127.0.0.1', serviceKey: 'the-service-key' });

  it('given the service key, then the call is the platform itself, on internal routes too', async () => {
    expect(await withKey.authenticate('/internal/shipments/reissues', { [SERVICE_KEY_HEADER]: 'the-service-key' })).toMatchObject({ id: 'service:platform', role: 'admin' });
  });

  it('given a caller token on an internal route, then service_credential_required', async () => {
    const token = await mintToken({ secret: SECRET, sub: 'ops', role: 'admin', ttl: '1h' });

    expect((await refusal(withKey, bearer(token), '/internal/shipments/reissues')).code).toBe('service_credential_required');
  });

  it('given a wrong service key, or any key where none is configured, then invalid_token', async () => {
    expect((await refusal(withKey, { [SERVICE_KEY_HEADER]: 'guess' })).code).toBe('invalid_token');
    expect((await refusal(hs256(), { [SERVICE_KEY_HEADER]: 'the-service-key' })).code).toBe('invalid_token');
  });
});
