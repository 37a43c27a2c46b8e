import { randomBytes } from 'node:crypto';
import type { DataKey } from '../ports/key-store';
import { isProtectedEnvelope, openValue, sealValue } from './field-cipher';

const key: DataKey = { keyId: 'key-1', subjectId: 'buyer-1', key: randomBytes(32) };
const address = { name: 'Li Lei', phone: '+86 138-0000-0000', city: 'Hangzhou' };

describe('field cipher', () => {
  it('given a value sealed under a key, then the envelope shows none of it and opens to the same value', () => {
    const envelope = sealValue(address, key);

    expect(isProtectedEnvelope(envelope)).toBe(true);
    expect(envelope).toMatchObject({ enc: 'v1', keyId: 'key-1' });
    expect(JSON.stringify(envelope)).not.toMatch(/Li Lei|138/);
    expect(openValue(envelope, key.key)).toEqual(address);
  });

  it('given the same value sealed twice, then the two cipher texts differ (a fresh nonce each time)', () => {
    expect(sealValue('same', key).data).not.toBe(sealValue('same', key).data);
  });

  it('given more values sealed than one fill of the nonce pool, then no nonce repeats and each opens', () => {
    const envelopes = Array.from({ length: 1_000 }, (_, i) => sealValue(i, key));

    expect(new Set(envelopes.map((envelope) => envelope.iv)).size).toBe(1_000);
    expect(envelopes.map((envelope) => openValue(envelope, key.key))).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('given another key, when opening, then it refuses', () => {
    expect(() => openValue(sealValue(address, key), randomBytes(32))).toThrow();
  });

  it('given an altered cipher text or key id, when opening, then it refuses', () => {
    const envelope = sealValue(address, key);
    const data = Buffer.from(envelope.data, 'base64');
    data[0] ^= 1;

    expect(() => openValue({ ...envelope, data: data.toString('base64') }, key.key)).toThrow();
    expect(() => openValue({ ...envelope, keyId: 'key-2' }, key.key)).toThrow();
  });

  it('given plain values, then they are not taken for envelopes', () => {
    expect(isProtectedEnvelope('Li Lei')).toBe(false);
    expect(isProtectedEnvelope(address)).toBe(false);
    expect(isProtectedEnvelope(null)).toBe(false);
  });
});
