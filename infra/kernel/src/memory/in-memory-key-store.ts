import { randomBytes, randomUUID } from 'node:crypto';
import type { DataKey, ErasureRecord, ErasureRequest, KeyStore } from '../ports/key-store';

/** Keys and erasures in memory: for tests and the in-memory platform. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, DataKey>();
  private readonly current = new Map<string, string>();
  private readonly erased = new Map<string, ErasureRecord[]>();

  async keyFor(subjectId: string): Promise<DataKey> {
    const keyId = this.current.get(subjectId);
    if (keyId !== undefined) return this.keys.get(keyId)!;
    const key: DataKey = { keyId: randomUUID(), subjectId, key: randomBytes(32) };
    this.keys.set(key.keyId, key);
    this.current.set(subjectId, key.keyId);
    return key;
  }

  async key(keyId: string): Promise<DataKey | undefined> {
    return this.keys.get(keyId);
  }

  async shred(request: ErasureRequest): Promise<{ record: ErasureRecord; repeated: boolean }> {
    const owned = [...this.keys.values()].filter((key) => key.subjectId === request.subjectId);
    const history = this.erased.get(request.subjectId) ?? [];
    if (owned.length === 0 && history.length > 0) return { record: history[0], repeated: true };
    for (const key of owned) this.keys.delete(key.keyId);
    this.current.delete(request.subjectId);
    const record: ErasureRecord = { ...request, sequence: history.length + 1, keysShredded: owned.length };
    this.erased.set(request.subjectId, [...history, record]);
    return { record, repeated: false };
  }

  async erasures(subjectId: string): Promise<ErasureRecord[]> {
    return [...(this.erased.get(subjectId) ?? [])];
  }

  async close(): Promise<void> {}
}
