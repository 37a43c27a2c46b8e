import { forgetToken, readToken, restoreSession, storeToken, type KeyValueStore } from './session';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An unsigned-looking JWT: the console only reads claims, the server verifies signatures. */
const tokenWith = (claims: Record<string, unknown>): string => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`;

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const IN_AN_HOUR = NOW / 1000 + 3600;

class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
}

describe('readToken', () => {
  it("given an agent's token, when read, then the session names the caller, role, shops and expiry", () => {
    const token = tokenWith({ sub: 'agent-1', role: 'agent', shop_ids: ['shop-1', 'shop-2'], exp: IN_AN_HOUR });
    const read = readToken(`  Bearer ${token}\n`, NOW);
    expect(read).toEqual({
      ok: true,
      session: expect.objectContaining({ token, identity: { id: 'agent-1', role: 'agent', shopIds: ['shop-1', 'shop-2'] }, expiresAt: IN_AN_HOUR * 1000 }),
    });
  });

  it('given a token without shops, when read, then the caller works for no shop', () => {
    const read = readToken(tokenWith({ sub: 'finance-1', role: 'finance', exp: IN_AN_HOUR }), NOW);
    expect(read.ok && read.session.identity.shopIds).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['not a token', 'malformed'],
    [tokenWith({ role: 'agent', exp: IN_AN_HOUR }), 'no_subject'],
    [tokenWith({ sub: 'x', role: 'wizard', exp: IN_AN_HOUR }), 'no_role'],
    [tokenWith({ sub: 'x', role: 'agent', shop_ids: 'shop-1', exp: IN_AN_HOUR }), 'bad_shops'],
    [tokenWith({ sub: 'x', role: 'agent', exp: NOW / 1000 }), 'expired'],
  ])('given %j, when read, then it is refused as %s', (token, reason) => {
    expect(readToken(token, NOW)).toEqual({ ok: false, reason });
  });
});

describe('restoreSession', () => {
  it('given a stored token, when the tab reloads, then the session is restored', () => {
    const store = new MemoryStore();
    storeToken(store, tokenWith({ sub: 'agent-1', role: 'agent', exp: IN_AN_HOUR }));
    expect(restoreSession(store, NOW)?.ok).toBe(true);
  });

  it('given a stored token that has since expired, when restored, then it is refused and removed', () => {
    const store = new MemoryStore();
    storeToken(store, tokenWith({ sub: 'agent-1', role: 'agent', exp: IN_AN_HOUR }));
    expect(restoreSession(store, (IN_AN_HOUR + 1) * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(store.values.size).toBe(0);
  });

  it('given a signed-out tab, when restored, then there is no session', () => {
    const store = new MemoryStore();
    storeToken(store, tokenWith({ sub: 'agent-1', role: 'agent' }));
    forgetToken(store);
    expect(restoreSession(store, NOW)).toBeUndefined();
  });
});
