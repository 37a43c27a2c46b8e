import type { Browser } from 'playwright-core';
import { useSystem } from '../../support/use-system';
import { launchChromium } from './browser';
import { startConsoleSystem, type ConsoleSystem } from './console-system';

export interface ConsoleSuite {
  system: ConsoleSystem;
  browser: Browser;
}

/**
 * One platform (child process, fresh data, manual clock, tokens) and one Chromium for the describe block, started
 * before all its tests and stopped after them; each test opens its own viewers (browser contexts).
 */
export const useConsoleSuite = (): ConsoleSuite =>
  useSystem<ConsoleSuite>(
    'all',
    async () => {
      const system = await startConsoleSystem();
      try {
        return { system, browser: await launchChromium() };
      } catch (error) {
        await system.stop();
        throw error;
      }
    },
    async ({ system, browser }) => {
      await browser.close().catch(() => undefined);
      await system.stop();
    },
  );
