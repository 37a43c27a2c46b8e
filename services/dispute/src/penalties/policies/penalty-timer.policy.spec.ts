import type { RecordedEvent } from '@aftersales/kernel';
import { restricted } from '../testing/shop-penalty-events';
import { penaltyTimerPolicy, PENALTIES_SERVICE } from './penalty-timer.policy';

const recorded = (event: { type: string; data: unknown }, streamId = 'shop-penalty-shop-1-2026'): RecordedEvent =>
  ({ ...event, eventId: 'evt-r', correlationId: 'corr-r', streamId, revision: 4, position: 40, schemaVersion: 1 }) as unknown as RecordedEvent;

describe('the timers that lift restrictions', () => {
  it('given a restriction for 7 days in November, then it is lifted as expired when they run out', () => {
    expect(penaltyTimerPolicy(recorded(restricted()))).toEqual({
      schedule: [
        {
          timerId: 'shop-penalty-shop-1-2026:lift:hidden:2026-11-10T08:00:00.000Z',
          service: PENALTIES_SERVICE,
          dueAt: '2026-11-17T08:00:00.000Z',
          command: { type: 'LiftRestriction', shopId: 'shop-1', year: 2026, kind: 'hidden', restrictionFrom: '2026-11-10T08:00:00.000Z', reason: 'expired' },
          scheduledBy: { eventId: 'evt-r', correlationId: 'corr-r' },
        },
      ],
    });
  });

  it('given a restriction running past the year end, then it is lifted at the reset of the points', () => {
    const late = restricted({ from: '2026-12-28T08:00:00.000Z', until: '2027-01-09T08:00:00.000Z' });
    expect(penaltyTimerPolicy(recorded(late))?.schedule?.[0]).toMatchObject({ dueAt: '2027-01-01T00:00:00.000Z', command: { reason: 'points_reset' } });
  });

  it('given a closure (no end), then it is lifted at the reset of the points', () => {
    const closure = restricted({ kind: 'closed', until: undefined });
    expect(penaltyTimerPolicy(recorded(closure))?.schedule?.[0]).toMatchObject({ dueAt: '2027-01-01T00:00:00.000Z', command: { kind: 'closed', reason: 'points_reset' } });
  });

  it('given a restriction lifted because its points were revoked, then its lift timer is cancelled; other lifts cancel nothing', () => {
    const lifted = (reason: string) => ({
      type: 'ShopRestrictionLifted',
      data: { shopId: 'shop-1', year: 2026, orderId: 'ord-4', kind: 'hidden', restrictionFrom: '2026-11-10T08:00:00.000Z', liftedAt: '2026-11-12T08:00:00.000Z', reason },
    });
    expect(penaltyTimerPolicy(recorded(lifted('points_revoked')))).toEqual({ cancel: ['shop-penalty-shop-1-2026:lift:hidden:2026-11-10T08:00:00.000Z'] });
    expect(penaltyTimerPolicy(recorded(lifted('expired')))).toBeUndefined();
  });

  it('given any other event or stream, then no timer', () => {
    expect(penaltyTimerPolicy(recorded({ type: 'OrderPlaced', data: { orderId: 'o-1' } }, 'order-o-1'))).toBeUndefined();
    expect(penaltyTimerPolicy(recorded(restricted(), 'elsewhere-1'))).toBeUndefined();
  });
});
