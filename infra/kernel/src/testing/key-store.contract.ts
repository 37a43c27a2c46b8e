import { ManualClock } from '../ports/clock';
import type { ErasureRequest, KeyStore } from '../ports/key-store';
import type { StoreFactory, StoreHarness } from './store-harness';

const erasure = (subjectId: string, overrides: Partial<ErasureRequest> = {}): ErasureRequest => ({
  subjectId,
  erasedAt: '2026-11-10T09:00:00.000Z',
  actor: { id: 'admin-1', role: 'admin' },
  reason: 'Buyer asked to be forgotten (ticket 42)',
  ...overrides,
});

/** The behaviour every KeyStore adapter must have. */
export function keyStoreContract(name: string, makeStore: StoreFactory<KeyStore>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let harness: StoreHarness<KeyStore>;
    let store: KeyStore;

    beforeEach(async () => {
      harness = await makeStore({ clock: new ManualClock(new Date('2026-11-10T08:00:00.000Z')) });
      store = harness.store;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('given no key for a subject, when asked for one, then a 32-byte key is made and the same one is answered again', async () => {
      const first = await store.keyFor('buyer-1');
      const again = await store.keyFor('buyer-1');

      expect(first.key).toHaveLength(32);
      expect(first.subjectId).toBe('buyer-1');
      expect(again.keyId).toBe(first.keyId);
      expect(Buffer.compare(again.key, first.key)).toBe(0);
      expect((await store.keyFor('buyer-2')).keyId).not.toBe(first.keyId);
    });

    it('given a key, when the store is reopened, then the key is found by its id with the same bytes', async () => {
      const made = await store.keyFor('buyer-1');

      store = await harness.reopen();

      const found = await store.key(made.keyId);
      expect(found?.subjectId).toBe('buyer-1');
      expect(Buffer.compare(found!.key, made.key)).toBe(0);
    });

    it('given an unknown key id, then no key is found', async () => {
      expect(await store.key('no-such-key')).toBeUndefined();
    });

    it("given two subjects' keys, when one subject is erased, then only its keys are gone and the erasure is recorded", async () => {
      const erased = await store.keyFor('buyer-1');
      const kept = await store.keyFor('buyer-2');

      const { record, repeated } = await store.shred(erasure('buyer-1'));

      expect(repeated).toBe(false);
      expect(record).toEqual({ ...erasure('buyer-1'), sequence: 1, keysShredded: 1 });
      expect(await store.key(erased.keyId)).toBeUndefined();
      expect((await store.key(kept.keyId))?.subjectId).toBe('buyer-2');
      store = await harness.reopen();
      expect(await store.key(erased.keyId)).toBeUndefined();
      expect(await store.erasures('buyer-1')).toEqual([record]);
      expect(await store.erasures('buyer-2')).toEqual([]);
    });

    it('given an erased subject with no new key, when erased again, then nothing is recorded and the first erasure is answered', async () => {
      await store.keyFor('buyer-1');
      const first = await store.shred(erasure('buyer-1'));

      const second = await store.shred(erasure('buyer-1', { erasedAt: '2026-11-11T09:00:00.000Z', reason: 'again' }));

      expect(second).toEqual({ record: first.record, repeated: true });
      expect(await store.erasures('buyer-1')).toEqual([first.record]);
    });

    it('given an erased subject seen again, when erased again, then its new key is shredded and a second erasure recorded', async () => {
      const old = await store.keyFor('buyer-1');
      await store.shred(erasure('buyer-1'));
      const fresh = await store.keyFor('buyer-1');

      const second = await store.shred(erasure('buyer-1', { erasedAt: '2026-11-12T09:00:00.000Z' }));

      expect(fresh.keyId).not.toBe(old.keyId);
      expect(second.repeated).toBe(false);
      expect(second.record).toMatchObject({ sequence: 2, keysShredded: 1, erasedAt: '2026-11-12T09:00:00.000Z' });
      expect(await store.key(fresh.keyId)).toBeUndefined();
      expect((await store.erasures('buyer-1')).map((r) => r.sequence)).toEqual([1, 2]);
    });

    it('given a subject never seen, when erased, then the erasure is recorded with no key shredded', async () => {
      const { record, repeated } = await store.shred(erasure('buyer-9'));

      expect(repeated).toBe(false);
      expect(record.keysShredded).toBe(0);
      expect(await store.erasures('buyer-9')).toEqual([record]);
    });
  });
}
