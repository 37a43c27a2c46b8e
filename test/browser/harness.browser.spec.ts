import { agent, finance, platform, supervisor } from '../support/http-client';
import { openViewer } from './support/browser';
import { describeInBrowser } from './support/preconditions';
import { seedBackOffice, type BackOffice } from './support/seed';
import { useConsoleSuite } from './support/suite';

/** The harness itself, without the console: the seed gives every view what it shows, the browser runs on the platform's clock. */
describeInBrowser(
  'browser harness',
  () => {
    const suite = useConsoleSuite();
    let seeded: BackOffice;
    beforeAll(async () => {
      seeded = await seedBackOffice(suite.system);
    });

    it('given the seeded back office, then shop-1’s queue starts with the overdue complaint, and every item a view needs is there through the public API', async () => {
      const { api } = suite.system;

      const queue = (await api.get('/work-queue', agent)).body.items;
      const approvals = (await api.get('/work-queue?kind=compensation', supervisor)).body.items;
      const held = await api.get(`/reviews/${seeded.heldReview.id}`, platform);
      const payout = await api.get(`/payouts/${seeded.failedPayout.id}`, finance);
      const followUp = await api.get(`/review-follow-ups/${seeded.negativeReview.followUpId}`, agent);

      expect(queue[0]).toMatchObject({ kind: 'dispute', id: seeded.overdueDispute.id, overdue: true });
      expect(queue.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([seeded.refund.id, seeded.negativeReview.followUpId]));
      expect(approvals).toContainEqual(expect.objectContaining({ id: seeded.compensationAwaitingApproval.id, status: 'awaiting_approval' }));
      expect(held.body).toMatchObject({ status: 'held' });
      expect(payout.body).toMatchObject({ status: 'failed' });
      expect(followUp.body).toMatchObject({ status: expect.any(String), reviewId: seeded.negativeReview.id });
    });

    it('given a viewer, then its page runs in the viewer’s zone on the platform’s manual clock, not the machine’s', async () => {
      const viewer = await openViewer(suite.browser, suite.system, { lang: 'zh' });
      try {
        await viewer.page.goto(`${suite.system.url}/health`);
        const seen = await viewer.page.evaluate('({ now: new Date().toISOString(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone, lang: navigator.language })');

        expect(seen).toEqual({ now: await suite.system.now(), zone: 'Asia/Shanghai', lang: 'zh-CN' });
      } finally {
        await viewer.close();
      }
    });
  },
  { console: false },
);
