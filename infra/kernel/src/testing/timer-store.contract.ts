import { ManualClock } from '../ports/clock';
import type { Timer, TimerStore } from '../ports/timer-store';
import type { StoreFactory, StoreHarness } from './store-harness';

const timer = (timerId: string, dueAt: string, overrides: Partial<Timer> = {}): Timer => ({
  timerId,
  service: 'order',
  dueAt,
  command: { type: 'CloseUnpaidOrder', orderId: timerId.split(':')[0] },
  scheduledBy: { eventId: `ev-${timerId}`, correlationId: 'corr-1' },
  ...overrides,
});

const timerIds = (timers: Timer[]): string[] => timers.map((t) => t.timerId);

/** The behaviour every TimerStore adapter must have. */
export function timerStoreContract(name: string, makeStore: StoreFactory<TimerStore>): void {
  describe(`TimerStore contract: ${name}`, () => {
    let harness: StoreHarness<TimerStore>;
    let store: TimerStore;

    beforeEach(async () => {
      harness = await makeStore({ clock: new ManualClock(new Date('2025-03-01T10:00:00.000Z')) });
      store = harness.store;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('given an empty store, then nothing is pending or due and the checkpoint is 0', async () => {
      expect(await store.checkpoint()).toBe(0);
      expect(await store.pending()).toEqual([]);
      expect(await store.next()).toBeUndefined();
      expect(await store.due(new Date('2100-01-01T00:00:00Z'), 10)).toEqual([]);
    });

    it('given a scheduled timer, then it is pending with every field as scheduled and the checkpoint moved', async () => {
      const reminder = timer('order-1:payment-reminder', '2025-03-01T10:30:00.000Z', {
        command: { type: 'RemindPayment', orderId: 'o-1', attempt: 1, channels: ['email'] },
      });

      await store.apply(4, { schedule: [reminder] });

      expect(await store.pending()).toEqual([reminder]);
      expect(await store.next()).toEqual(reminder);
      expect(await store.checkpoint()).toBe(4);
    });

    it('given timers due at different times, when asked what is due now, then only past-due ones come back, earliest first, up to the limit', async () => {
      await store.apply(1, {
        schedule: [
          timer('o-3:close', '2025-03-01T12:00:00.000Z'),
          timer('o-1:close', '2025-03-01T10:00:00.000Z'),
          timer('o-4:close', '2025-03-02T09:00:00.000Z'),
          timer('o-2:close', '2025-03-01T11:00:00.000Z'),
        ],
      });
      const now = new Date('2025-03-01T12:00:00.000Z');

      expect(timerIds(await store.due(now, 10))).toEqual(['o-1:close', 'o-2:close', 'o-3:close']);
      expect(timerIds(await store.due(now, 2))).toEqual(['o-1:close', 'o-2:close']);
      expect((await store.next())?.timerId).toBe('o-1:close');
      expect(timerIds(await store.pending())).toEqual(['o-1:close', 'o-2:close', 'o-3:close', 'o-4:close']);
    });

    it('given due times written with offsets, then they are ordered by the instant they denote', async () => {
      await store.apply(1, {
        schedule: [timer('utc:close', '2025-03-01T09:00:00Z'), timer('paris:close', '2025-03-01T10:00:00+02:00')],
      });

      expect(timerIds(await store.due(new Date('2025-03-01T08:30:00Z'), 10))).toEqual(['paris:close']);
      expect(timerIds(await store.pending())).toEqual(['paris:close', 'utc:close']);
    });

    it('given a pending timer, when a later event cancels it, then it is no longer pending', async () => {
      await store.apply(1, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z'), timer('o-2:close', '2025-03-01T10:00:00.000Z')] });

      await store.apply(2, { cancel: ['o-1:close', 'never-scheduled'] });

      expect(timerIds(await store.pending())).toEqual(['o-2:close']);
      expect(await store.checkpoint()).toBe(2);
    });

    it('given a pending timer, when it is scheduled again with another due time, then it is replaced', async () => {
      await store.apply(1, { schedule: [timer('o-1:reminder', '2025-03-01T10:00:00.000Z')] });

      await store.apply(2, { schedule: [timer('o-1:reminder', '2025-03-01T18:00:00.000Z')] });

      expect(await store.pending()).toEqual([timer('o-1:reminder', '2025-03-01T18:00:00.000Z')]);
    });

    it('given one instruction that cancels and schedules the same timer, then the new schedule stands', async () => {
      await store.apply(1, { schedule: [timer('o-1:reminder', '2025-03-01T10:00:00.000Z')] });

      await store.apply(2, { cancel: ['o-1:reminder'], schedule: [timer('o-1:reminder', '2025-03-01T20:00:00.000Z')] });

      expect(await store.pending()).toEqual([timer('o-1:reminder', '2025-03-01T20:00:00.000Z')]);
    });

    it('given instructions already applied, when a position at or before the checkpoint is applied again, then nothing changes', async () => {
      await store.apply(5, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z')] });

      await store.apply(5, { cancel: ['o-1:close'] });
      await store.apply(3, { schedule: [timer('o-9:close', '2025-03-01T09:00:00.000Z')] });

      expect(timerIds(await store.pending())).toEqual(['o-1:close']);
      expect(await store.checkpoint()).toBe(5);
    });

    it('given an event with no timer instructions, when applied, then only the checkpoint moves', async () => {
      await store.apply(1, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z')] });

      await store.apply(2, {});

      expect(await store.checkpoint()).toBe(2);
      expect(timerIds(await store.pending())).toEqual(['o-1:close']);
    });

    it('given a fired timer, then it is neither due nor pending, and firing it again changes nothing', async () => {
      await store.apply(1, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z'), timer('o-2:close', '2025-03-01T11:00:00.000Z')] });

      await store.markFired('o-1:close', new Date('2025-03-01T10:00:05.000Z'));
      await store.markFired('o-1:close', new Date('2025-03-01T10:00:09.000Z'));

      expect(timerIds(await store.due(new Date('2025-03-01T12:00:00.000Z'), 10))).toEqual(['o-2:close']);
      expect(timerIds(await store.pending())).toEqual(['o-2:close']);
      expect((await store.next())?.timerId).toBe('o-2:close');
    });

    it('given a fired timer, when an event schedules the same id again, then it is not revived', async () => {
      await store.apply(1, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z')] });
      await store.markFired('o-1:close', new Date('2025-03-01T10:00:05.000Z'));

      await store.apply(2, { schedule: [timer('o-1:close', '2025-03-01T15:00:00.000Z')] });

      expect(await store.pending()).toEqual([]);
      expect(await store.checkpoint()).toBe(2);
    });

    it('given pending and fired timers, when the store is reopened, then they and the checkpoint are still there', async () => {
      await store.apply(3, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z'), timer('o-2:close', '2025-03-01T11:00:00.000Z')] });
      await store.markFired('o-1:close', new Date('2025-03-01T10:00:01.000Z'));

      store = await harness.reopen();

      expect(await store.checkpoint()).toBe(3);
      expect(await store.pending()).toEqual([timer('o-2:close', '2025-03-01T11:00:00.000Z')]);
    });
  });
}
