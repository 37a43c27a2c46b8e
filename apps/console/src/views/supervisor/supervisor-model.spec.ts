import type { WorkItemKind } from '../../api/work-queue';
import { approvalCommand, breachChartRows, isApproval, recentPeriod, type QueueItem } from './supervisor-model';

const item = (kind: WorkItemKind, extra: Partial<QueueItem> = {}): QueueItem => ({
  kind,
  id: `${kind}-1`,
  orderId: 'ord-1',
  shopId: 'shop-1',
  status: 'awaiting_approval',
  dueAt: '2026-11-02T08:00:00.000Z',
  overdue: false,
  ...extra,
});

describe('supervisor view model', () => {
  it('given breaches per day, then every row has every metric of the period, zero where none', () => {
    const rows = breachChartRows({
      from: '2026-11-02',
      to: '2026-11-03',
      metrics: ['dispute.first_response', 'review_follow_up.first_contact'],
      days: [
        { day: '2026-11-02', total: 0, byMetric: {} },
        { day: '2026-11-03', total: 2, byMetric: { 'dispute.first_response': 2 } },
      ],
    });

    expect(rows).toEqual([
      { day: '2026-11-02', total: 0, 'dispute.first_response': 0, 'review_follow_up.first_contact': 0 },
      { day: '2026-11-03', total: 2, 'dispute.first_response': 2, 'review_follow_up.first_contact': 0 },
    ]);
  });

  it('given now, then the recent period is the last 14 UTC days, today included', () => {
    expect(recentPeriod(new Date('2026-11-05T23:30:00.000Z'))).toEqual({ from: '2026-10-23', to: '2026-11-05' });
    expect(recentPeriod(new Date('2026-11-05T00:00:00.000Z'), 1)).toEqual({ from: '2026-11-05', to: '2026-11-05' });
  });

  it('given queue items, then compensations and remedies are the approvals; each answers through its own route', () => {
    const remedy = item('remedy_approval', { id: 'rem-1', disputeId: 'dsp_1' });

    expect([item('compensation'), remedy, item('dispute'), item('refund')].map(isApproval)).toEqual([true, true, false, false]);
    expect(approvalCommand(item('compensation', { id: 'cmp_1' }), 'approve')).toEqual({
      operation: 'POST /compensations/{compensationId}/approval',
      path: '/compensations/cmp_1/approval',
      body: {},
    });
    expect(approvalCommand(item('compensation', { id: 'cmp_1' }), 'reject', 'Too much')).toMatchObject({ path: '/compensations/cmp_1/rejection', body: { reason: 'Too much' } });
    expect(approvalCommand(remedy, 'approve')).toEqual({
      operation: 'POST /disputes/{disputeId}/remedies/{remedyId}/approval',
      path: '/disputes/dsp_1/remedies/rem-1/approval',
      body: {},
    });
    expect(approvalCommand(remedy, 'reject', 'No').body).toEqual({ decision: 'rejected', reason: 'No' });
    expect(() => approvalCommand(item('refund'), 'approve')).toThrow(/not an approval/);
  });
});
