import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PROTECTED_ENVELOPE_VERSION, type ProtectedEnvelope } from '@aftersales/contracts';
import type { DataKey } from '../ports/key-store';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/** Seals a value (its JSON) under a data key: AES-256-GCM with a fresh nonce. */
export function sealValue(value: unknown, key: DataKey): ProtectedEnvelope {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv);
  cipher.setAAD(Buffer.from(key.keyId));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    enc: PROTECTED_ENVELOPE_VERSION,
    keyId: key.keyId,
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The value an envelope sealed; throws when the envelope was altered or the key is another one. */
export function openValue(envelope: ProtectedEnvelope, key: Buffer): unknown {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAAD(Buffer.from(envelope.keyId));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  const clear = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
  return JSON.parse(clear.toString('utf8'));
}

export function isProtectedEnvelope(value: unknown): value is ProtectedEnvelope {
  const candidate = value as Partial<ProtectedEnvelope> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.enc === PROTECTED_ENVELOPE_VERSION &&
    typeof candidate.keyId === 'string'
  );
}
