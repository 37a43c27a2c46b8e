import type { Page } from 'playwright-core';
import { agent, finance, platform, supervisor, type Actor } from '../support/http-client';
import { openViewer, saveScreenshot, signIn, type Lang, type ViewerOptions } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { seedBackOffice, type BackOffice } from './support/seed';
import { useConsoleSuite } from './support/suite';

/** Every view, opened by the role that works in it, on the seeded back office. */
const VIEWS: Array<[view: string, actor: Actor, path: (seeded: BackOffice) => string]> = [
  ['queue', agent, () => '/'],
  ['case-file', agent, (seeded) => `/orders/${seeded.overdueDispute.orderId}`],
  ['supervisor', supervisor, () => '/supervisor'],
  ['finance', finance, () => '/finance'],
  ['shop', supervisor, () => '/shops/shop-1'],
  ['platform', platform, () => '/platform'],
];
const LANGS: Lang[] = ['zh', 'en'];
const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

describeInBrowser('console: every view in both languages, at 1280 px and on a phone', () => {
  const suite = useConsoleSuite();
  let seeded: BackOffice;
  beforeAll(async () => {
    seeded = await seedBackOffice(suite.system);
  });

  const open = async (actor: Actor, path: string, view: string, options: ViewerOptions) => {
    const viewer = await openViewer(suite.browser, suite.system, options);
    await signIn(viewer.page, suite.system, actor, path);
    await viewer.page.getByTestId(`${view}-page`).waitFor({ state: 'visible' });
    await viewer.page.waitForLoadState('networkidle');
    return viewer;
  };

  describe.each(VIEWS)('the %s view', (view, actor, path) => {
    it.each(LANGS)('given a browser in %s, then it opens in that language without errors and fits 1280 px (screenshot <view>-<lang>)', async (lang) => {
      const viewer = await open(actor, path(seeded), view, { lang });
      try {
        await saveScreenshot(viewer.page, view, lang);

        expect(await viewer.page.getAttribute('html', 'lang')).toBe(HTML_LANG[lang]);
        expect(await horizontalOverflow(viewer.page)).toBe(0);
        expect(viewer.trouble.pageErrors).toEqual([]);
      } finally {
        await viewer.close();
      }
    });
  });

  it.each([
    ['queue', agent, '/'],
    ['case-file', agent, 'case-file'],
  ])('given a phone, then the %s view fits its width (tables scroll inside; screenshot <view>-phone-zh)', async (view, actor, path) => {
    const viewer = await open(actor as Actor, path === 'case-file' ? `/orders/${seeded.overdueDispute.orderId}` : (path as string), view as string, { lang: 'zh', device: 'phone' });
    try {
      await saveScreenshot(viewer.page, `${view}-phone`, 'zh');

      expect(await horizontalOverflow(viewer.page)).toBe(0);
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('given an English browser, when the viewer switches to 中文 in the header, then the page and its antd parts turn Chinese, and stay so after a reload', async () => {
    const viewer = await open(agent, '/', 'queue', { lang: 'en' });
    try {
      const englishMenu = await viewer.page.getByTestId('menu-queue').innerText();
      await viewer.page.getByTestId('language-zh').click();
      await viewer.page.waitForFunction('document.documentElement.lang === "zh-CN"');
      const chineseMenu = await viewer.page.getByTestId('menu-queue').innerText();
      await viewer.page.reload();
      await viewer.page.getByTestId('queue-page').waitFor({ state: 'visible' });

      expect(chineseMenu).not.toBe(englishMenu);
      expect(chineseMenu).toMatch(/\p{Script=Han}/u);
      expect(await viewer.page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await viewer.page.getByTestId('menu-queue').innerText()).toBe(chineseMenu);
    } finally {
      await viewer.close();
    }
  });
});

/** How many pixels the page is wider than the window (0: nothing sticks out; wide tables scroll in their own box). */
const horizontalOverflow = (page: Page): Promise<number> => page.evaluate('Math.max(0, document.documentElement.scrollWidth - window.innerWidth)') as Promise<number>;
