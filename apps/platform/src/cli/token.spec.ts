import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthenticator } from '@aftersales/nest';
import { dataDirSecret } from '../auth/data-dir-secret';
import { runToken } from './token';

const capture = () => {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, text: () => text };
};

describe('pnpm token', () => {
  const secret = 'y'.repeat(40);

  it('given a role, a sub and shops, when run, then it prints only a token the platform accepts as that caller', async () => {
    const out = capture();
    const code = await runToken(['--role', 'agent', '--sub', 'agent-7', '--shops', 'shop-1,shop-2', '--ttl', '2h'], { AFTERSALES_AUTH_SECRET: secret }, out.stream);

    expect(code).toBe(0);
    expect(out.text()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const authenticator = createAuthenticator({ mode: 'hs256', secret }, { host: '127.0.0.1' });
    expect(await authenticator.authenticate('/orders', { authorization: `Bearer ${out.text().trim()}` })).toEqual({
      id: 'agent-7',
      role: 'agent',
      shopIds: ['shop-1', 'shop-2'],
    });
  });

  it('given no secret in the environment, then it signs with the data directory secret pnpm start made', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'token-cli-'));
    try {
      const made = dataDirSecret(dataDir);
      const out = capture();
      expect(await runToken(['--role', 'buyer', '--sub', 'buyer-1'], { AFTERSALES_DATA_DIR: dataDir }, out.stream)).toBe(0);
      const authenticator = createAuthenticator({ mode: 'hs256', secret: made.secret }, { host: '127.0.0.1' });
      expect((await authenticator.authenticate('/orders', { authorization: `Bearer ${out.text().trim()}` })).id).toBe('buyer-1');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--role', 'root', '--sub', 'x']],
    [['--role', 'buyer']],
    [['--role', 'buyer', '--sub', 'x', '--ttl', 'forever']],
    [['--bogus']],
  ])('given %j, then usage on stderr and exit 2, nothing on stdout', async (args) => {
    const out = capture();
    const err = capture();
    expect(await runToken(args, { AFTERSALES_AUTH_SECRET: secret }, out.stream, err.stream)).toBe(2);
    expect(out.text()).toBe('');
    expect(err.text()).toContain('usage');
  });

  it('given no secret anywhere, then exit 1 saying pnpm start makes one', async () => {
    const err = capture();
    expect(await runToken(['--role', 'buyer', '--sub', 'b'], { AFTERSALES_DATA_DIR: join(tmpdir(), 'no-such-aftersales-dir') }, capture().stream, err.stream)).toBe(1);
    expect(err.text()).toContain('pnpm start');
  });
});
