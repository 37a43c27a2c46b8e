import type { Page } from 'playwright-core';
import { agent, buyer, platform, supervisor } from '../support/http-client';
import { disputeCommand, getDispute, openDispute } from '../support/disputes';
import { paidOrder } from '../support/refunds';
import { openViewer, saveScreenshot, signIn, type Viewer } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { seedBackOffice, type BackOffice } from './support/seed';
import { useConsoleSuite } from './support/suite';

/** Types into a form field of the action forms (`field-<name>`: the input itself, or antd's wrapper around it). */
const fill = (page: Page, name: string, value: string) =>
  page.locator(`input[data-testid="field-${name}"], textarea[data-testid="field-${name}"], [data-testid="field-${name}"] input, [data-testid="field-${name}"] textarea`).first().fill(value);

const visible = (page: Page, testId: string) => page.getByTestId(testId).first().waitFor({ state: 'visible' });

describeInBrowser('console: the case file', () => {
  const suite = useConsoleSuite();
  let seeded: BackOffice;
  let arbitration: { id: string; orderId: string };

  beforeAll(async () => {
    seeded = await seedBackOffice(suite.system);
    const { api } = suite.system;
    const { order } = await paidOrder(api, 'delivered');
    const complaint = await openDispute(api, { orderId: order.id, category: 'not_as_described', description: 'The tin is green, the photo blue.' });
    await disputeCommand(api, complaint.id, 'escalation', { to: 'platform', reason: 'The shop does not answer.' }, buyer);
    await suite.system.settle();
    arbitration = { id: complaint.id, orderId: order.id };
  });

  const open = async (lang: 'en' | 'zh', actor = agent, path: string): Promise<Viewer> => {
    const viewer = await openViewer(suite.browser, suite.system, { lang });
    await signIn(viewer.page, suite.system, actor, path);
    await visible(viewer.page, 'case-file-summary');
    return viewer;
  };

  it('given the order whose shipment came late, then its case file shows the compensation with its rule, rulebook version and arithmetic, and a cause link on the timeline, or from the amount to the event it was read from, scrolls to that cause and highlights it', async () => {
    const { api } = suite.system;
    const orderId = seeded.failedPayout.orderId;
    const entries = (await api.get(`/orders/${orderId}/timeline`, agent)).body.entries as { eventId: string; causationId: string | null }[];
    const ids = new Set(entries.map((e) => e.eventId));
    const effect = entries.find((e) => e.causationId !== null && ids.has(e.causationId))!;
    const compensation = (await api.get(`/compensations/${seeded.failedPayout.compensationId}`, agent)).body;
    const viewer = await open('en', agent, `/orders/${orderId}`);
    try {
      const { page } = viewer;
      await visible(page, `timeline-entry-${effect.eventId}`);

      await page.getByTestId(`cause-link-${effect.eventId}-${effect.causationId}`).click();

      await page.locator(`[data-testid="timeline-entry-${effect.causationId}"][data-highlighted="true"]`).waitFor({ state: 'visible' });
      const input = compensation.inputs.find((i: { sourceEventId?: string }) => i.sourceEventId !== undefined && ids.has(i.sourceEventId));
      await page.getByTestId(`compensation-input-${compensation.id}-${input.name}`).click();
      await page.locator(`[data-testid="timeline-entry-${input.sourceEventId}"][data-highlighted="true"]`).waitFor({ state: 'visible' });
      expect(await page.getByTestId(`compensation-rule-${compensation.id}`).textContent()).toBe(compensation.rule.id);
      expect(await page.getByTestId(`compensation-rulebook-${compensation.id}`).textContent()).toBe(compensation.rule.version);
      expect(await page.getByTestId(`compensation-arithmetic-${compensation.id}`).textContent()).toBe(compensation.explanation);
      expect(await page.getByTestId('summary-revision').textContent()).toBe(String((await api.get(`/orders/${orderId}`, agent)).body.revision));
      await saveScreenshot(page, 'case-file-timeline', 'en');
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('given the overdue complaint, when its shop agent proposes a partial refund of ¥12.50 in the remedy form, then the case holds the remedy of 1250 fen and the file shows it, with no second proposal offered', async () => {
    const { id, orderId } = seeded.overdueDispute;
    const viewer = await open('zh', agent, `/orders/${orderId}`);
    try {
      const { page } = viewer;
      await page.getByTestId(`action-dispute-remedy-${id}`).click();
      await visible(page, 'action-form-dispute-remedy');
      await fill(page, 'amount', '12.50');
      await fill(page, 'description', '退还一半货款');

      await page.getByTestId('action-submit').click();

      await page.getByTestId('action-form-dispute-remedy').waitFor({ state: 'detached' });
      const remedies = (await getDispute(suite.system.api, id)).remedies;
      expect(remedies).toEqual([expect.objectContaining({ kind: 'partial_refund', amount: 1250, description: '退还一半货款' })]);
      await visible(page, `remedy-status-${remedies[0].id}`);
      expect(await page.getByTestId(`action-dispute-remedy-${id}`).count()).toBe(0);
      await saveScreenshot(page, 'case-file-remedy', 'zh');
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('given a case in arbitration, then the agent is offered a message but no ruling (the platform is), and the ruling forced through ?action= shows the server’s 403 in words and changes nothing; the agent’s internal message is listed on the case', async () => {
    const { id, orderId } = arbitration;
    const platformView = await open('en', platform, `/orders/${orderId}`);
    try {
      await visible(platformView.page, `action-dispute-ruling-${id}`);
    } finally {
      await platformView.close();
    }
    const viewer = await open('en', agent, `/orders/${orderId}`);
    try {
      const { page } = viewer;
      await visible(page, `action-dispute-message-${id}`);
      expect(await page.getByTestId(`action-dispute-ruling-${id}`).count()).toBe(0);

      await page.goto(`${suite.system.consoleUrl}/orders/${orderId}?action=action-dispute-ruling-${id}`);
      await visible(page, 'action-form-dispute-ruling');
      await fill(page, 'reason', 'Forced by the test');
      await page.getByTestId('action-submit').click();

      await visible(page, 'problem-alert');
      expect(await page.getByTestId('problem-headline').textContent()).toMatch(/^403 /);
      expect(await page.getByTestId('problem-rule').textContent()).toBe('dispute.arbitration_by_platform');
      expect((await getDispute(suite.system.api, id)).status).toBe('arbitration');
      await saveScreenshot(page, 'case-file-forbidden', 'en');

      await page.getByTestId('action-cancel').click();
      await page.getByTestId(`action-dispute-message-${id}`).click();
      await fill(page, 'text', 'Ask the carrier for the scan');
      await page.getByTestId('field-visibility').locator('input[value="internal"]').check();
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-form-dispute-message').waitFor({ state: 'detached' });
      await page.locator(`[data-testid^="case-message-${id}-"]`).filter({ hasText: 'Ask the carrier for the scan' }).waitFor({ state: 'visible' });
    } finally {
      await viewer.close();
    }
  });

  it('given a held review and a goodwill compensation above the threshold, then the platform publishes the review and a supervisor approves the compensation from their case files', async () => {
    const { api } = suite.system;
    const review = seeded.heldReview;
    const moderator = await open('en', platform, `/orders/${review.orderId}`);
    try {
      await moderator.page.getByTestId(`action-review-moderate-${review.id}`).click();
      await fill(moderator.page, 'reason', 'The number is the shop’s own hotline');
      await moderator.page.getByTestId('action-submit').click();
      await moderator.page.getByTestId('action-form-review-moderate').waitFor({ state: 'detached' });
    } finally {
      await moderator.close();
    }
    const { id, orderId } = seeded.compensationAwaitingApproval;
    const approver = await open('en', supervisor, `/orders/${orderId}`);
    try {
      await approver.page.getByTestId(`action-compensation-approve-${id}`).click();
      await approver.page.getByTestId('action-submit').click();
      await approver.page.getByTestId('action-form-compensation-approve').waitFor({ state: 'detached' });
      await approver.page.getByTestId(`action-compensation-approve-${id}`).waitFor({ state: 'detached' });
    } finally {
      await approver.close();
    }

    expect((await api.get(`/reviews/${review.id}`, platform)).body.status).toBe('published');
    expect((await api.get(`/compensations/${id}`, supervisor)).body).toMatchObject({ approval: expect.objectContaining({ approverId: supervisor.id }) });
  });
});
