import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in for apps/console/dist (tests of the serving): a page naming one hashed asset. */
export function consoleFixture(): { directory: string; page: string; asset: string } {
  const directory = mkdtempSync(join(tmpdir(), 'aftersales-console-'));
  const page = '<!doctype html><html><head><script type="module" src="/console/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'index.html'), page);
  writeFileSync(join(directory, 'assets', 'index-Ab12Cd34.js'), 'console.log("console")');
  return { directory, page, asset: '/console/assets/index-Ab12Cd34.js' };
}
