import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreHarness } from '@aftersales/kernel/testing';

/**
 * A contract-suite harness for a store kept in a fresh temporary folder: `open` receives the folder and
 * is called again on reopen; dispose closes the store and deletes the folder.
 */
export async function inTempFolder<T extends { close(): Promise<void> }>(
  open: (folder: string) => T,
): Promise<StoreHarness<T> & { folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'aftersales-sqlite-'));
  let current = open(folder);
  return {
    folder,
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = open(folder);
      return current;
    },
    async dispose() {
      await current.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
