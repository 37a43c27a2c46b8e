import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDirSecret, resolveAuth } from './data-dir-secret';

describe('the secret generated into the data directory', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = join(mkdtempSync(join(tmpdir(), 'auth-secret-')), 'data')));
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('given no secret yet, when resolved, then one is made, readable by the owner only, and reused on the next start', () => {
    const first = resolveAuth({ mode: 'data-dir-secret' }, dataDir);
    const second = resolveAuth({ mode: 'data-dir-secret' }, dataDir);

    expect(first).toMatchObject({ settings: { mode: 'hs256' }, secretFile: join(dataDir, 'auth-secret'), createdSecret: true });
    expect(statSync(join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(second.createdSecret).toBe(false);
    expect(second.settings).toEqual(first.settings);
  });

  it('given configured settings, then no file is made', () => {
    expect(resolveAuth({ mode: 'headers' }, dataDir)).toEqual({ settings: { mode: 'headers' } });
    expect(() => statSync(join(dataDir, 'auth-secret'))).toThrow();
  });

  it('given two data directories, then two different secrets', () => {
    expect(dataDirSecret(dataDir).secret).not.toBe(dataDirSecret(`${dataDir}-2`).secret);
    rmSync(`${dataDir}-2`, { recursive: true, force: true });
  });
});
