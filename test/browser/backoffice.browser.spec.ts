import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { agent, finance, platform, supervisor } from '../support/http-client';
import { openViewer, saveScreenshot, signIn, syncClock, type Lang, type Viewer } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { seedBackOffice, type BackOffice } from './support/seed';
import { useConsoleSuite } from './support/suite';

/** The back-office views in the browser (issue 15): supervisor, platform, finance and shop, on the seeded back office. */
describeInBrowser('console: the back office', () => {
  const suite = useConsoleSuite();
  let seeded: BackOffice;
  beforeAll(async () => {
    seeded = await seedBackOffice(suite.system);
  });

  async function as<T>(actor: typeof agent, lang: Lang, path: string, work: (viewer: Viewer) => Promise<T>, device: 'desktop' | 'phone' = 'desktop'): Promise<T> {
    const viewer = await openViewer(suite.browser, suite.system, { lang, device });
    try {
      await syncClock(viewer.context, suite.system);
      await signIn(viewer.page, suite.system, actor, path);
      const result = await work(viewer);
      expect(viewer.trouble.pageErrors).toEqual([]);
      return result;
    } finally {
      await viewer.close();
    }
  }

  const visible = (page: Page, testId: string) => page.getByTestId(testId).first().waitFor({ state: 'visible' });
  const gone = (page: Page, testId: string) => page.getByTestId(testId).waitFor({ state: 'detached' });

  it('given an agent who forces the approval of a compensation, then the server’s 403 is shown in words and the compensation still waits', async () => {
    const compensation = seeded.compensationAwaitingApproval.id;

    await as(agent, 'en', '/', async ({ page }) => {
      await page.evaluate("sessionStorage.setItem('aftersales.console.forceActions', '1')");
      await page.goto(`${suite.system.consoleUrl}/supervisor`);
      await page.getByTestId(`action-approve-${compensation}`).click();

      await page.getByTestId('problem-rule').filter({ hasText: 'compensation.approve_by_supervisor' }).waitFor({ state: 'visible' });
    });

    expect((await suite.system.api.get(`/compensations/${compensation}`, supervisor)).body.status).toBe('awaiting_approval');
  });

  it('given an overdue complaint and a compensation above the threshold, then the supervisor sees both and the breach chart, and approves the compensation from the list', async () => {
    const compensation = seeded.compensationAwaitingApproval.id;

    await as(supervisor, 'zh', '/supervisor', async ({ page }) => {
      await visible(page, `overdue-row-${seeded.overdueDispute.id}`);
      await visible(page, `approval-row-${compensation}`);
      await visible(page, `approval-amount-${compensation}`);
      await page.locator('[data-testid="breach-chart"] .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      await saveScreenshot(page, 'supervisor', 'zh');
    });
    await as(supervisor, 'en', '/supervisor', async ({ page }) => {
      await visible(page, `approval-row-${compensation}`);
      expect(Number(await page.getByTestId('breach-total').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId(`approval-amount-${compensation}`).textContent()).toBe('¥250.00');
      await saveScreenshot(page, 'supervisor', 'en');

      await page.getByTestId(`action-approve-${compensation}`).click();

      await gone(page, `approval-row-${compensation}`);
    });
    await suite.system.settle();

    expect((await suite.system.api.get(`/compensations/${compensation}`, supervisor)).body.status).not.toBe('awaiting_approval');
  });

  it('given an agent who opens the supervisor view, then no approval is offered, and the breaches the agent may not read say so in words', async () => {
    await as(agent, 'en', '/supervisor', async ({ page }) => {
      await visible(page, `overdue-row-${seeded.overdueDispute.id}`);
      await visible(page, 'problem-alert');

      expect(await page.locator('[data-testid^="action-approve-"]').count()).toBe(0);
      expect(await page.getByTestId('problem-rule').first().textContent()).toBe('work_queue.read_sla_breaches');
    });
  });

  it('given a held review, then the platform finds it in the moderation queue and publishes it with a reason', async () => {
    const review = seeded.heldReview.id;

    await as(platform, 'zh', '/platform', async ({ page }) => {
      await visible(page, `moderation-row-${review}`);
      await visible(page, 'arbitration-count');
      await saveScreenshot(page, 'platform', 'zh');

      await page.getByTestId(`action-publish-${review}`).click();
      await page.getByTestId('reason-input').fill('The number is the shop’s own hotline');
      await page.getByTestId('action-confirm-moderation').click();

      await gone(page, `moderation-row-${review}`);
    });

    expect((await suite.system.api.get(`/reviews/${review}`, platform)).body.status).toBe('published');
  });

  it('given the approved compensation paid out, then finance finds its ledger line, downloads the CSV, reconciles, and re-drives the failed payout', async () => {
    const orderId = seeded.compensationAwaitingApproval.orderId;
    const payout = seeded.failedPayout.id;

    await as(finance, 'en', '/finance', async ({ page }) => {
      await page.getByTestId('ledger-order').fill(orderId);
      await page.getByTestId('action-ledger-search').click();
      await page.locator(`[data-testid^="ledger-row-"][data-order="${orderId}"]`).waitFor({ state: 'visible' });
      await visible(page, 'ledger-page-totals-CNY');
      expect(await page.getByTestId('ledger-page-totals-CNY').getAttribute('data-debits')).toBe('25000');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('action-ledger-csv').click()]);
      expect(download.suggestedFilename()).toBe(`ledger-entries_${orderId}.csv`);
      expect(readFileSync(await download.path(), 'utf8')).toContain(orderId);

      await page.getByTestId('action-reconcile').click();
      await visible(page, 'reconciliation-result');
      await visible(page, `payout-row-${payout}`);
      await saveScreenshot(page, 'finance', 'en');

      await page.getByTestId(`action-retry-${payout}`).click();
      await page.getByTestId('reason-input').fill('The provider fixed the account; paying again');
      await page.getByTestId('action-confirm-retry').click();

      await gone(page, `payout-row-${payout}`);
    });
    await suite.system.settle();

    const redriven = (await suite.system.api.get(`/payouts/${payout}`, finance)).body;
    expect(redriven.status).not.toBe('failed');
    expect(redriven.retries).toEqual([expect.objectContaining({ reason: 'The provider fixed the account; paying again' })]);
  });

  it('given shop-1, then its page shows the penalty points, the rating and the follow-up figures as charts', async () => {
    await as(supervisor, 'en', '/shops/shop-1', async ({ page }) => {
      await visible(page, 'penalty-chart');
      await page.locator('[data-testid="rating-chart"] .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      await page.locator('[data-testid="follow-ups-chart"] .recharts-bar-rectangle').first().waitFor({ state: 'visible' });

      expect(Number(await page.getByTestId('follow-up-figures').getAttribute('data-opened'))).toBeGreaterThanOrEqual(1);
      await saveScreenshot(page, 'shop', 'en');
    });
  });

  it('given a phone, then the supervisor view stacks its cards and the page does not scroll sideways (tables scroll inside)', async () => {
    await as(
      supervisor,
      'zh',
      '/supervisor',
      async ({ page }) => {
        await visible(page, `overdue-row-${seeded.overdueDispute.id}`);
        await visible(page, 'breach-chart');

        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'supervisor-phone', 'zh');
      },
      'phone',
    );
  });
});
