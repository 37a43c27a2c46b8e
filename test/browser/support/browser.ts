import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Actor } from '../../support/http-client';
import type { ConsoleSystem } from './console-system';
import { chromiumPath, SCREENSHOTS_DIR } from './preconditions';

/**
 * The flags Debian's Chromium runs with here: no sandbox (CI containers run as root), no GPU, nothing fetched from
 * Google (QUIC, component updates, sync, background networking). Playwright adds --headless and gives every launch a
 * fresh, empty --user-data-dir of its own (it refuses one in `args`), removed when the browser closes.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });

export type Lang = 'zh' | 'en';

export interface ViewerOptions {
  /** The browser's language, which the console takes as its default (zh-CN or en-US). */
  lang?: Lang;
  /** `desktop`: 1280 × 800 (the width); `phone`: 390 × 844, touch. */
  device?: 'desktop' | 'phone';
  /** The viewer's zone (times are shown in it): Asia/Shanghai unless said. */
  timezoneId?: string;
}

/** What a page did wrong on its own: uncaught exceptions, and console errors (kept for failure messages). */
export interface PageTrouble {
  pageErrors: string[];
  consoleErrors: string[];
}

export interface Viewer {
  context: BrowserContext;
  page: Page;
  lang: Lang;
  trouble: PageTrouble;
  close(): Promise<void>;
}

/**
 * A fresh browser context (its own storage: one signed-in person) and page, with the language, zone and size asked for,
 * and the browser's Date frozen at the platform's manual clock (so "2 h overdue" counts from the platform's now; timers
 * and polling still run). Call `syncClock` after advancing the platform's clock.
 */
export async function openViewer(browser: Browser, system: ConsoleSystem, options: ViewerOptions = {}): Promise<Viewer> {
  const lang = options.lang ?? 'en';
  const phone = options.device === 'phone';
  const context = await browser.newContext({
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  await syncClock(context, system);
  const page = await context.newPage();
  const trouble: PageTrouble = { pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (error) => trouble.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.consoleErrors.push(message.text());
  });
  return { context, page, lang, trouble, close: () => context.close() };
}

/** Freezes the browser's Date at the platform's manual clock (again after an advance). */
export async function syncClock(context: BrowserContext, system: ConsoleSystem): Promise<void> {
  await context.clock.setFixedTime(new Date(await system.now()));
}

/**
 * Signs the page in as the actor the way a person does: /console/sign-in, the token pasted into the form
 * (data-testid `token-input`), submitted (`sign-in`); waits until the console leaves the sign-in page (for the role's
 * home), then opens `path` if one is given.
 */
export async function signIn(page: Page, system: ConsoleSystem, actor: Actor, path?: string): Promise<void> {
  await page.goto(`${system.consoleUrl}/sign-in`);
  await page.getByTestId('token-input').fill(await system.token(actor));
  await page.getByTestId('sign-in').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  if (path !== undefined) await page.goto(`${system.consoleUrl}${path}`);
}

/**
 * Saves the page as artifacts/console-screenshots/<view>-<lang>.png (full page, animations stopped), the folder CI keeps.
 * Returns the file's path.
 */
export async function saveScreenshot(page: Page, view: string, lang: Lang): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${view}-${lang}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
