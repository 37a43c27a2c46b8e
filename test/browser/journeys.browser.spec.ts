import type { Page } from 'playwright-core';
import { agent, finance } from '../support/http-client';
import { getDispute } from '../support/disputes';
import { paidOrder, requestRefund } from '../support/refunds';
import { openViewer, saveScreenshot, signIn, type Viewer } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { acceptRemedy, seedBackOffice, type BackOffice } from './support/seed';
import { useConsoleSuite } from './support/suite';

/** Types into an action form's field (`field-<name>`: the input itself, or antd's wrapper around it). */
const fill = (page: Page, name: string, value: string) =>
  page.locator(`input[data-testid="field-${name}"], textarea[data-testid="field-${name}"], [data-testid="field-${name}"] input, [data-testid="field-${name}"] textarea`).first().fill(value);

const visible = (page: Page, testId: string) => page.getByTestId(testId).first().waitFor({ state: 'visible' });

/** Longer than the queue's 5 s polling, on a loaded machine. */
const POLLED = { timeout: 30_000 };

/** The journey across views and people: the agent's morning, the buyer's answer, finance's books. */
describeInBrowser('console journeys across views', () => {
  const suite = useConsoleSuite();
  let seeded: BackOffice;
  beforeAll(async () => {
    seeded = await seedBackOffice(suite.system);
  });

  it(
    'given an overdue complaint, when the agent opens the queue, takes the first item, proposes a partial refund of ¥150.00 and the buyer accepts it through the API, ' +
      'then the queue drops the case and shows a new request without a reload, and finance finds the ledger line of 15000 fen',
    async () => {
      const { id: disputeId, orderId } = seeded.overdueDispute;
      const agentView = await openViewer(suite.browser, suite.system, { lang: 'en' });
      let financeView: Viewer | undefined;
      try {
        const { page } = agentView;
        // the agent signs in and lands on the queue: the overdue complaint first, marked
        await signIn(page, suite.system, agent);
        await visible(page, `queue-row-${disputeId}`);
        const firstRow = page.locator('[data-testid^="queue-row-"]').first();
        expect(await firstRow.getAttribute('data-testid')).toBe(`queue-row-${disputeId}`);
        expect(await firstRow.getAttribute('data-overdue')).toBe('true');
        await visible(page, `queue-overdue-${disputeId}`);
        await saveScreenshot(page, 'journey-1-agent-queue', 'en');

        // opens it and proposes a remedy in the case file
        await page.getByTestId(`queue-open-${disputeId}`).click();
        await page.waitForURL(`**/console/orders/${orderId}`);
        await page.getByTestId(`action-dispute-remedy-${disputeId}`).click();
        await visible(page, 'action-form-dispute-remedy');
        await fill(page, 'amount', '150.00');
        await fill(page, 'description', 'Half of the price back for the cracked lid');
        await page.getByTestId('action-submit').click();
        await page.getByTestId('action-form-dispute-remedy').waitFor({ state: 'detached' });
        const [remedy] = (await getDispute(suite.system.api, disputeId)).remedies;
        expect(remedy).toMatchObject({ kind: 'partial_refund', amount: 15_000 });
        await visible(page, `remedy-status-${remedy.id}`);
        await saveScreenshot(page, 'journey-2-agent-case-file', 'en');

        // back to the queue through the menu (no reload from here on: the marker would be gone)
        await page.getByTestId('menu-queue').click();
        await visible(page, 'queue-page');
        await page.evaluate('window.__sameDocument = true');

        // the buyer accepts through the API; a new refund request arrives too
        await acceptRemedy(suite.system, disputeId, remedy.id);
        const { order: another } = await paidOrder(suite.system.api, 'delivered');
        const newRequest = await requestRefund(suite.system.api, { orderId: another.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
        await suite.system.settle();

        await page.getByTestId(`queue-row-${disputeId}`).waitFor({ state: 'detached', ...POLLED });
        await page.getByTestId(`queue-row-${newRequest.id}`).waitFor({ state: 'visible', ...POLLED });
        expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
        await saveScreenshot(page, 'journey-3-agent-queue-updated', 'en');
        expect(agentView.trouble.pageErrors).toEqual([]);

        // finance signs in and finds the refund's ledger line for the order
        const [entry] = (await suite.system.api.get(`/ledger/entries?orderId=${orderId}`, finance)).body.entries;
        expect(entry).toMatchObject({ kind: 'refund', amount: 15_000 });
        financeView = await openViewer(suite.browser, suite.system, { lang: 'zh' });
        await signIn(financeView.page, suite.system, finance, '/finance');
        await financeView.page.getByTestId('ledger-order').fill(orderId);
        await financeView.page.getByTestId('action-ledger-search').click();
        await visible(financeView.page, `ledger-row-${entry.id}`);
        expect(await financeView.page.getByTestId(`ledger-amount-${entry.id}`).innerText()).toContain('150.00');
        await saveScreenshot(financeView.page, 'journey-4-finance-ledger', 'zh');
        expect(financeView.trouble.pageErrors).toEqual([]);
      } finally {
        await agentView.close();
        await financeView?.close();
      }
    },
  );

  it('given an agent who forces the finance view by its address (not in the menu), then the ledger’s 403 is shown in words with its rule, and nothing of the ledger', async () => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    try {
      const { page } = viewer;
      await signIn(page, suite.system, agent);
      expect(await page.getByTestId('menu-finance').count()).toBe(0);

      await page.goto(`${suite.system.consoleUrl}/finance`);

      await visible(page, 'problem-alert');
      expect(await page.getByTestId('problem-headline').first().textContent()).toMatch(/^403 /);
      expect(await page.getByTestId('problem-rule').first().textContent()).toMatch(/^ledger\./);
      expect(await page.locator('[data-testid^="ledger-row-"]').count()).toBe(0);
      await saveScreenshot(page, 'forbidden-finance-as-agent', 'en');
    } finally {
      await viewer.close();
    }
  });
});
