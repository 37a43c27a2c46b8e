import type { Page } from 'playwright-core';
import { agent } from '../support/http-client';
import { getDispute, openDispute } from '../support/disputes';
import { paidOrder } from '../support/refunds';
import { completedOrder, postReview } from '../support/reviews';
import { followUpOf } from '../support/review-follow-ups';
import { openViewer, saveScreenshot, signIn, type Viewer } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { useConsoleSuite } from './support/suite';

/** Types into a form field of the action forms (`field-<name>`: the input itself, or antd's wrapper around it). */
const fill = (page: Page, name: string, value: string) =>
  page.locator(`input[data-testid="field-${name}"], textarea[data-testid="field-${name}"], [data-testid="field-${name}"] input, [data-testid="field-${name}"] textarea`).first().fill(value);

const visible = (page: Page, testId: string) => page.getByTestId(testId).first().waitFor({ state: 'visible' });

/** Submits the open action form and waits until it has closed (the command succeeded). */
async function submit(page: Page, name: string): Promise<void> {
  await page.getByTestId('action-submit').click();
  await page.getByTestId(`action-form-${name}`).waitFor({ state: 'detached' });
}

describeInBrowser('console: the case file actions an agent takes', () => {
  const suite = useConsoleSuite();
  let complaint: { id: string; orderId: string };
  let followUp: { id: string; orderId: string };

  beforeAll(async () => {
    const { api } = suite.system;
    const { order } = await paidOrder(api, 'delivered');
    const opened = await openDispute(api, { orderId: order.id, category: 'product_quality', description: 'The lid of the tin is cracked.' });
    complaint = { id: opened.id, orderId: order.id };
    const reviewed = await completedOrder(api);
    const review = await postReview(api, { orderId: reviewed.id, rating: 'negative', score: 1, text: 'The tea tasted stale.' });
    await suite.system.settle();
    const found = await followUpOf(api, review.id);
    if (!found) throw new Error(`the negative review ${review.id} opened no follow-up`);
    followUp = { id: found.id, orderId: reviewed.id };
  });

  const open = async (path: string): Promise<Viewer> => {
    const viewer = await openViewer(suite.browser, suite.system, { lang: 'en' });
    await signIn(viewer.page, suite.system, agent, path);
    await visible(viewer.page, 'case-file-summary');
    return viewer;
  };

  it('given a bad-review follow-up nobody contacted, when the agent records a phone contact and then closes it as explained, then the follow-up is contacted and closed and offers nothing more', async () => {
    const { api } = suite.system;
    const viewer = await open(`/orders/${followUp.orderId}`);
    try {
      const { page } = viewer;
      await page.getByTestId(`action-follow-up-contact-${followUp.id}`).click();
      await visible(page, 'action-form-follow-up-contact');
      await page.getByTestId('field-channel').locator('input[value="phone"]').check();
      await fill(page, 'note', 'Called the buyer, sent a fresh tin');

      await submit(page, 'follow-up-contact');

      await page.getByTestId(`action-follow-up-contact-${followUp.id}`).waitFor({ state: 'detached' });
      expect((await api.get(`/review-follow-ups/${followUp.id}`, agent)).body.contactedAt).toEqual(expect.any(String));

      await page.getByTestId(`action-follow-up-closure-${followUp.id}`).click();
      await visible(page, 'action-form-follow-up-closure');
      await fill(page, 'note', 'The buyer accepted the explanation');

      await submit(page, 'follow-up-closure');

      await page.getByTestId(`action-follow-up-closure-${followUp.id}`).waitFor({ state: 'detached' });
      expect((await api.get(`/review-follow-ups/${followUp.id}`, agent)).body).toMatchObject({ status: 'closed', outcome: 'explained' });
      await saveScreenshot(page, 'case-file-follow-up-closed', 'en');
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('given a complaint nobody holds, when the agent takes it, then they are its assignee and taking it is no longer offered, while assigning it to someone else is never offered to an agent', async () => {
    const viewer = await open(`/orders/${complaint.orderId}`);
    try {
      const { page } = viewer;
      expect(await page.getByTestId(`action-dispute-assign-${complaint.id}`).count()).toBe(0);
      await page.getByTestId(`action-dispute-take-${complaint.id}`).click();
      await visible(page, 'action-form-dispute-take');

      await submit(page, 'dispute-take');

      await page.getByTestId(`action-dispute-take-${complaint.id}`).waitFor({ state: 'detached' });
      expect((await getDispute(suite.system.api, complaint.id)).assigneeId).toBe(agent.id);
      expect(viewer.trouble.pageErrors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });
});
