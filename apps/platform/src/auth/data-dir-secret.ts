import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthSettings } from '@aftersales/nest';
import type { AuthConfig } from '../config';

export const AUTH_SECRET_FILE = 'auth-secret';

export const authSecretFileOf = (dataDir: string): string => join(dataDir, AUTH_SECRET_FILE);

/** The secret of `<dataDir>/auth-secret`, or undefined when there is none yet. */
export function readDataDirSecret(dataDir: string): string | undefined {
  const file = authSecretFileOf(dataDir);
  if (!existsSync(file)) return undefined;
  const secret = readFileSync(file, 'utf8').trim();
  if (secret === '') throw new Error(`${file} is empty: delete it to have a new secret generated`);
  return secret;
}

/** `<dataDir>/auth-secret`, made once (256 random bits, readable by the owner only) and reused on later starts. */
export function dataDirSecret(dataDir: string): { secret: string; file: string; created: boolean } {
  const file = authSecretFileOf(dataDir);
  const existing = readDataDirSecret(dataDir);
  if (existing) return { secret: existing, file, created: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret, file, created: true };
}

export interface ResolvedAuth {
  settings: AuthSettings;
  /** Set when the HS256 secret lives in the data directory. */
  secretFile?: string;
  createdSecret?: boolean;
}

/** The settings an authenticator takes; `data-dir-secret` becomes HS256 with the data directory's secret. */
export function resolveAuth(auth: AuthConfig, dataDir: string): ResolvedAuth {
  if (auth.mode !== 'data-dir-secret') return { settings: auth };
  const { secret, file, created } = dataDirSecret(dataDir);
  return { settings: { mode: 'hs256', secret }, secretFile: file, createdSecret: created };
}
