import type { Page } from 'playwright-core';
import { agent, supervisor } from '../support/http-client';
import { paidOrder, requestRefund } from '../support/refunds';
import { openViewer, saveScreenshot, signIn, type Lang } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { seedBackOffice, type BackOffice } from './support/seed';
import { useConsoleSuite } from './support/suite';

const rowIds = async (page: Page): Promise<string[]> =>
  page.locator('[data-testid^="queue-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice('queue-row-'.length)));

describeInBrowser('console: the queue', () => {
  const suite = useConsoleSuite();
  let seeded: BackOffice;
  beforeAll(async () => (seeded = await seedBackOffice(suite.system)));

  it.each<Lang>(['zh', 'en'])('given an agent of shop-1 (%s), when the console opens, then the overdue case comes first and marked, with counts per kind', async (lang) => {
    const viewer = await openViewer(suite.browser, suite.system, { lang });
    try {
      await signIn(viewer.page, suite.system, agent);
      const first = viewer.page.getByTestId(`queue-row-${seeded.overdueDispute.id}`);
      await first.waitFor({ state: 'visible' });

      expect((await rowIds(viewer.page))[0]).toBe(seeded.overdueDispute.id);
      expect(await first.getAttribute('data-overdue')).toBe('true');
      await viewer.page.getByTestId(`queue-overdue-${seeded.overdueDispute.id}`).waitFor({ state: 'visible' });
      expect(Number(await viewer.page.getByTestId('queue-count-dispute').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      expect(Number(await viewer.page.getByTestId('queue-count-dispute').getAttribute('data-overdue-count'))).toBeGreaterThanOrEqual(1);
      expect(await rowIds(viewer.page)).toEqual(expect.arrayContaining([seeded.refund.id, seeded.compensationAwaitingApproval.id]));
      expect(await viewer.page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en-GB');
      await saveScreenshot(viewer.page, 'queue', lang);
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('given the queue, when the agent presses ↓ then Enter, then the first item’s case file opens', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await signIn(viewer.page, suite.system, agent);
      await viewer.page.getByTestId(`queue-row-${seeded.overdueDispute.id}`).waitFor({ state: 'visible' });
      await viewer.page.getByTestId('queue-list').focus();

      await viewer.page.keyboard.press('ArrowDown');
      expect(await viewer.page.getByTestId(`queue-row-${seeded.overdueDispute.id}`).getAttribute('aria-selected')).toBe('true');
      await viewer.page.keyboard.press('Enter');

      await viewer.page.waitForURL(`**/console/orders/${seeded.overdueDispute.orderId}`);
    } finally {
      await viewer.close();
    }
  });

  it('given the queue open, when a new refund arrives, then the next poll shows it highlighted without a reload', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await signIn(viewer.page, suite.system, agent);
      await viewer.page.getByTestId(`queue-row-${seeded.overdueDispute.id}`).waitFor({ state: 'visible' });
      const before = Number(await viewer.page.getByTestId('queue-count-refund').getAttribute('data-count'));

      const { order } = await paidOrder(suite.system.api, 'delivered');
      const refund = await requestRefund(suite.system.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 9_900, items: [{ sku: 'cup', quantity: 1 }] });
      await suite.system.settle();

      const row = viewer.page.getByTestId(`queue-row-${refund.id}`);
      await row.waitFor({ state: 'visible' });
      expect(await row.getAttribute('data-fresh')).toBe('true');
      expect(Number(await viewer.page.getByTestId('queue-count-refund').getAttribute('data-count'))).toBe(before + 1);
      await viewer.page.getByTestId('queue-updated').waitFor({ state: 'visible' });
    } finally {
      await viewer.close();
    }
  });

  it('given a supervisor, when the overdue toggle is on, then only overdue items are listed (?overdue=true)', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      await signIn(viewer.page, suite.system, supervisor);
      await viewer.page.getByTestId(`queue-row-${seeded.refund.id}`).waitFor({ state: 'visible' });

      await viewer.page.getByTestId('queue-filter-overdue').click();
      await viewer.page.waitForURL(/overdue=true/);
      await viewer.page.getByTestId(`queue-row-${seeded.refund.id}`).waitFor({ state: 'detached' });

      expect(await rowIds(viewer.page)).toContain(seeded.overdueDispute.id);
      const marks = await viewer.page.locator('[data-testid^="queue-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-overdue')));
      expect(new Set(marks)).toEqual(new Set(['true']));
    } finally {
      await viewer.close();
    }
  });

  it('given a phone, when the agent opens the queue, then the list is there and scrolls sideways instead of breaking', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'zh', device: 'phone' });
    try {
      await signIn(viewer.page, suite.system, agent);
      await viewer.page.getByTestId(`queue-row-${seeded.overdueDispute.id}`).waitFor({ state: 'visible' });

      const overflow = await viewer.page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(viewer.page, 'queue-phone', 'zh');
    } finally {
      await viewer.close();
    }
  });
});
