import type { DataKey, ErasureRecord, ErasureRequest, KeyStore } from '../ports/key-store';

const MAX_CACHED = 50_000;

/**
 * The key store with the keys this process uses kept in memory. An erasure goes through here so the process forgets
 * the subject's keys at once (another process sharing the store forgets them when its cache is cleared or it restarts).
 */
export class Keyring {
  private readonly byId = new Map<string, DataKey | null>();
  private readonly current = new Map<string, DataKey>();
  private erasures = 0;

  constructor(readonly store: KeyStore) {}

  async keyFor(subjectId: string): Promise<DataKey> {
    const cached = this.current.get(subjectId);
    if (cached) return cached;
    const key = await this.store.keyFor(subjectId);
    this.remember(this.current, subjectId, key);
    this.remember(this.byId, key.keyId, key);
    return key;
  }

  /** The key of that id, undefined once shredded. */
  async key(keyId: string): Promise<DataKey | undefined> {
    const cached = this.byId.get(keyId);
    if (cached !== undefined) return cached ?? undefined;
    const key = await this.store.key(keyId);
    this.remember(this.byId, keyId, key ?? null);
    return key;
  }

  /** Counts the erasures this process made: what was opened before one may read differently after it. */
  get epoch(): number {
    return this.erasures;
  }

  async erase(request: ErasureRequest): Promise<{ record: ErasureRecord; repeated: boolean }> {
    const outcome = await this.store.shred(request);
    this.erasures += 1;
    this.current.delete(request.subjectId);
    for (const [keyId, key] of this.byId) if (key?.subjectId === request.subjectId) this.byId.set(keyId, null);
    return outcome;
  }

  private remember<V>(map: Map<string, V>, id: string, value: V): void {
    if (map.size >= MAX_CACHED) map.clear();
    map.set(id, value);
  }
}
