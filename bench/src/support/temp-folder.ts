import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir, removed (with everything in it) when `dispose` is called. */
export interface TempFolder {
  path: string;
  file(name: string): string;
  dispose(): void;
}

export function createTempFolder(prefix: string): TempFolder {
  const path = mkdtempSync(join(tmpdir(), `aftersales-bench-${prefix}-`));
  return {
    path,
    file: (name) => join(path, name),
    dispose: () => rmSync(path, { recursive: true, force: true }),
  };
}
