import { agent, finance, platform, supervisor, type Actor } from '../support/http-client';
import { openViewer, saveScreenshot, signIn } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { useConsoleSuite } from './support/suite';

/** The menu entries (data-testid `menu-<key>`) each role is offered, as CONSOLE.md's "Menu by role" says. */
const MENU: Array<[string, Actor, string[], string[]]> = [
  ['agent', agent, ['queue', 'shop:shop-1'], ['supervisor', 'finance', 'platform']],
  ['supervisor', supervisor, ['queue', 'supervisor', 'shop:shop-1'], ['finance', 'platform']],
  ['platform', platform, ['platform', 'queue'], ['finance', 'supervisor']],
  ['finance', finance, ['finance'], ['queue', 'supervisor', 'platform']],
];

describeInBrowser('console: sign-in and the menu by role', () => {
  const suite = useConsoleSuite();

  it('given no token, when /console is opened, then it shows the sign-in page', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await viewer.page.goto(suite.system.consoleUrl);

      await viewer.page.waitForURL(/\/console\/sign-in/);
      await expectVisible(viewer.page.getByTestId('token-input'));
      await saveScreenshot(viewer.page, 'sign-in', 'en');
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it.each(MENU)('given a %s’s token pasted into the sign-in form, then the console opens with that role’s menu only', async (_role, actor, offered, notOffered) => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await signIn(viewer.page, suite.system, actor);

      for (const key of offered) await expectVisible(viewer.page.getByTestId(`menu-${key}`));
      for (const key of notOffered) expect(await viewer.page.getByTestId(`menu-${key}`).count()).toBe(0);
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('given a token that is not one, when pasted, then the sign-in page says why and does not sign in', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await viewer.page.goto(`${suite.system.consoleUrl}/sign-in`);
      await viewer.page.getByTestId('token-input').fill('not-a-token');

      await expectVisible(viewer.page.getByTestId('token-refused'));
      expect(await viewer.page.getByTestId('token-refused').getAttribute('data-reason')).toBe('malformed');
      expect(await viewer.page.getByTestId('sign-in').isDisabled()).toBe(true);
      expect(new URL(viewer.page.url()).pathname).toBe('/console/sign-in');
    } finally {
      await viewer.close();
    }
  });
});

const expectVisible = (locator: { waitFor(options: { state: 'visible' }): Promise<void> }) => locator.waitFor({ state: 'visible' });
