import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CACHE_KIB, openDatabase } from './open-database';

describe('openDatabase', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'open-database-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('given no tuning, then the page cache is the default size, temporary tables stay in memory and nothing is memory-mapped', () => {
    const db = openDatabase(join(folder, 'a.db'), 'NORMAL');
    expect(db.pragma('cache_size', { simple: true })).toBe(-DEFAULT_CACHE_KIB);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    db.close();
  });

  it('given a cache size and a map size, then the connection uses them, with the durability asked for', () => {
    const db = openDatabase(join(folder, 'b.db'), 'FULL', { cacheKibibytes: 4096, mmapBytes: 1 << 20 });
    expect(db.pragma('cache_size', { simple: true })).toBe(-4096);
    expect(db.pragma('mmap_size', { simple: true })).toBe(1 << 20);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
