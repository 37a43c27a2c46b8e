import { join } from 'node:path';
import { WriteBehindTimerStore } from '@aftersales/kernel';
import { timerStoreContract } from '@aftersales/kernel/testing';
import { inTempFolder } from '../__tests__/temp-store';
import { SqliteTimerStore } from './sqlite-timer-store';

timerStoreContract('SqliteTimerStore', () => inTempFolder((folder) => new SqliteTimerStore({ path: join(folder, 'timers.db') })));

describe('SqliteTimerStore', () => {
  it('given a timer with an unreadable due time, when applied, then the whole instruction and its checkpoint are refused', async () => {
    const harness = await inTempFolder((folder) => new SqliteTimerStore({ path: join(folder, 'timers.db') }));
    const scheduledBy = { eventId: 'ev-1', correlationId: 'c-1' };
    const good = { timerId: 'o-1:close', service: 'order', dueAt: '2025-03-01T10:00:00Z', command: { type: 'CloseOrder' }, scheduledBy };

    await expect(harness.store.apply(1, { schedule: [good, { ...good, timerId: 'o-2:close', dueAt: 'next tuesday' }] })).rejects.toThrow(
      'invalid due time',
    );

    expect(await harness.store.pending()).toEqual([]);
    expect(await harness.store.checkpoint()).toBe(0);
    await harness.dispose();
  });
});

timerStoreContract('SqliteTimerStore (writer thread)', () =>
  inTempFolder((folder) => new SqliteTimerStore({ path: join(folder, 'timers.db') }, { writerThread: true })),
);

timerStoreContract('WriteBehindTimerStore over SqliteTimerStore (writer thread)', () =>
  inTempFolder((folder) => new WriteBehindTimerStore(new SqliteTimerStore({ path: join(folder, 'timers.db') }, { writerThread: true }))),
);
