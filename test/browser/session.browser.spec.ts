import { mintToken } from '@aftersales/nest';
import { agent } from '../support/http-client';
import { openViewer, signIn } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { useConsoleSuite } from './support/suite';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describeInBrowser('console: the session', () => {
  const suite = useConsoleSuite();

  it('given a token the server does not accept (another secret), when the console calls the API, then the 401 sends the viewer back to sign-in saying why', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      const forged = await mintToken({ secret: 'not-the-platform-secret-but-long-enough-to-sign', sub: 'agent-7', role: 'agent', shopIds: ['shop-1'], ttl: '1h' });
      await viewer.page.goto(`${suite.system.consoleUrl}/sign-in`);
      await viewer.page.getByTestId('token-input').fill(forged);
      await viewer.page.getByTestId('claim-sub').waitFor({ state: 'visible' });
      await viewer.page.getByTestId('sign-in').click();

      await viewer.page.waitForURL(/\/console\/sign-in/);
      await viewer.page.getByTestId('session-ended').waitFor({ state: 'visible' });
      expect(await viewer.page.getByTestId('session-ended').getAttribute('data-reason')).toBe('unauthorized');
      expect(await viewer.page.evaluate<number>('sessionStorage.length')).toBe(0);
    } finally {
      await viewer.close();
    }
  });

  it('given an expired token pasted, then the sign-in page refuses it as expired', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      const expired = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: 'agent-7', role: 'agent', exp: Date.parse('2026-01-01T00:00:00Z') / 1000 })}.c2ln`;
      await viewer.page.goto(`${suite.system.consoleUrl}/sign-in`);
      await viewer.page.getByTestId('token-input').fill(expired);

      expect(await viewer.page.getByTestId('token-refused').getAttribute('data-reason')).toBe('expired');
      expect(await viewer.page.getByTestId('sign-in').isDisabled()).toBe(true);
    } finally {
      await viewer.close();
    }
  });

  it('given a signed-in agent, when the page reloads the session stays; when signing out, sign-in says so and a reload stays signed out', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await signIn(viewer.page, suite.system, agent);
      await viewer.page.getByTestId('who-am-i').waitFor({ state: 'visible' });
      await viewer.page.reload();
      await viewer.page.getByTestId('who-am-i').waitFor({ state: 'visible' });

      await viewer.page.getByTestId('sign-out').click();
      await viewer.page.waitForURL(/\/console\/sign-in/);
      expect(await viewer.page.getByTestId('session-ended').getAttribute('data-reason')).toBe('signed_out');
      await viewer.page.goto(suite.system.consoleUrl);
      await viewer.page.waitForURL(/\/console\/sign-in/);
    } finally {
      await viewer.close();
    }
  });

  it('given an English browser, when the viewer switches to 中文, then the page speaks Chinese (html lang, antd locale), remembered after a reload', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await signIn(viewer.page, suite.system, agent);
      await viewer.page.getByTestId('queue-page').waitFor({ state: 'visible' });
      expect(await viewer.page.locator('html').getAttribute('lang')).toBe('en-GB');

      await viewer.page.getByTestId('language-zh').click();
      await viewer.page.waitForFunction('document.documentElement.lang === "zh-CN"');
      await viewer.page.reload();
      await viewer.page.getByTestId('queue-page').waitFor({ state: 'visible' });

      expect(await viewer.page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await viewer.page.getByTestId('sign-out').innerText()).toContain('退出');
    } finally {
      await viewer.close();
    }
  });
});
