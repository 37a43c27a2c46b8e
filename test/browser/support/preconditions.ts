import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');
export const PLATFORM_MAIN = join(REPO, 'apps', 'platform', 'dist', 'main.js');
export const CONSOLE_INDEX = join(REPO, 'apps', 'console', 'dist', 'index.html');
export const SCREENSHOTS_DIR = join(REPO, 'artifacts', 'console-screenshots');

/** The browser the suite drives: Debian's Chromium (infra/scripts/install-chromium.sh), or CHROMIUM_PATH. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export interface Needs {
  /** The console's build (apps/console/dist); false for suites that only need the platform and the browser. */
  console?: boolean;
}

/** Why a browser suite cannot run here, or undefined when it can. */
export function whyNotRunnable(needs: Needs = { console: true }): string | undefined {
  if (!isExecutable(chromiumPath())) return `no Chromium at ${chromiumPath()} (run \`bash infra/scripts/install-chromium.sh\`, or set CHROMIUM_PATH)`;
  if (!existsSync(PLATFORM_MAIN)) return 'apps/platform/dist/main.js is not built (run `pnpm build`; `pnpm test` does)';
  if (needs.console !== false && !existsSync(CONSOLE_INDEX)) return 'the console is not built: no apps/console/dist/index.html (run `pnpm build`; `pnpm test` does)';
  return undefined;
}

/** Long enough for a platform start, a browser launch and a few pages on a loaded machine; each wait has its own limit. */
const BROWSER_TEST_TIMEOUT_MS = 180_000;

/**
 * `describe` when Chromium and the builds are there; otherwise `describe.skip`, saying why on stderr (jest shows no
 * console output of a file whose tests were all skipped). In CI (CI=true) a missing Chromium fails instead of skipping:
 * .ci/run installs it first, so its absence there is a broken machine, not a choice.
 */
export function describeInBrowser(suite: string, body: () => void, needs?: Needs): void {
  const reason = whyNotRunnable(needs);
  if (reason && process.env.CI === 'true' && reason.startsWith('no Chromium')) throw new Error(`${suite}: ${reason}`);
  if (reason) {
    process.stderr.write(`browser suite "${suite}" skipped: ${reason}\n`);
    describe.skip(suite, body);
    return;
  }
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  describe(suite, body);
}
