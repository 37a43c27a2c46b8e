import type { RecordedEvent } from '@aftersales/kernel';
import { deadlineCleared, deadlineSet, ruled } from '../testing/dispute-events';
import { DISPUTE_ID, hoursAfterT0 } from '../testing/dispute-fixtures';
import { disputeTimerPolicy } from './dispute-timer.policy';

const recorded = (event: { type: string; data: unknown }): RecordedEvent =>
  ({ ...event, eventId: 'evt-1', correlationId: 'cor-1' }) as unknown as RecordedEvent;

describe('the dispute timer policy', () => {
  it('given a deadline set, then a timer fires its check at the due time, one per deadline (and per evidence request)', () => {
    const set = deadlineSet({ metric: 'evidence', requestId: 'evr-2', dueAt: hoursAfterT0(72), ruleId: 'dispute.evidence_due' });
    expect(disputeTimerPolicy(recorded(set))).toEqual({
      schedule: [
        {
          timerId: `dispute-${DISPUTE_ID}:evidence:evr-2`,
          service: 'dispute',
          dueAt: hoursAfterT0(72),
          command: { type: 'CheckDeadline', disputeId: DISPUTE_ID, metric: 'evidence', requestId: 'evr-2' },
          scheduledBy: { eventId: 'evt-1', correlationId: 'cor-1' },
        },
      ],
    });
  });

  it('given a deadline cleared, then its timer is cancelled', () => {
    expect(disputeTimerPolicy(recorded(deadlineCleared('first_response', 'met', hoursAfterT0(2))))).toEqual({
      cancel: [`dispute-${DISPUTE_ID}:first_response`],
    });
  });

  it('given a first ruling, then the appeal window ends with a timer; a ruling on appeal is final and needs none', () => {
    const first = disputeTimerPolicy(recorded(ruled()));
    expect(first?.schedule?.[0]).toMatchObject({ dueAt: hoursAfterT0(100 + 7 * 24), command: { type: 'FinalizeRuling', rulingId: 'rul-1' } });
    expect(disputeTimerPolicy(recorded(ruled({ onAppeal: true })))).toBeUndefined();
  });
});
