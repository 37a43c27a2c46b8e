import { InMemoryTimerStore } from '../memory/in-memory-timer-store';
import type { Timer, TimerInstruction } from '../ports/timer-store';
import { timerStoreContract } from '../testing/timer-store.contract';
import { WriteBehindTimerStore } from './write-behind-timer-store';

// Held instructions are written on close and before every read, so the contract holds as for any store.
timerStoreContract('WriteBehindTimerStore over InMemoryTimerStore', async () => {
  const inner = new InMemoryTimerStore();
  let store = new WriteBehindTimerStore(inner);
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.flush();
      store = new WriteBehindTimerStore(inner);
      return store;
    },
    dispose: () => store.close(),
  };
});

const timer = (timerId: string, dueAt: string): Timer => ({
  timerId,
  service: 'order',
  dueAt,
  command: { type: 'CloseUnpaidOrder', orderId: timerId.split(':')[0] },
  scheduledBy: { eventId: `ev-${timerId}`, correlationId: 'c-1' },
});

/** An in-memory timer store that counts its applies. */
class CountingTimerStore extends InMemoryTimerStore {
  applies = 0;

  override async apply(position: number, instructions: TimerInstruction): Promise<void> {
    this.applies++;
    await super.apply(position, instructions);
  }
}

describe('WriteBehindTimerStore', () => {
  let inner: CountingTimerStore;
  let store: WriteBehindTimerStore;

  beforeEach(() => {
    inner = new CountingTimerStore();
    store = new WriteBehindTimerStore(inner, { maxDelayMs: 60_000 });
  });

  afterEach(() => store.close());

  it('given instructions of several events, then they wait in memory and are written in one apply at the last position', async () => {
    await store.apply(1, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z')] });
    await store.apply(2, {});
    await store.apply(3, { schedule: [timer('o-2:close', '2025-03-01T11:00:00.000Z')] });
    const beforeFlush = { applies: inner.applies, checkpoint: await store.checkpoint(), written: await inner.checkpoint() };

    await store.flush();

    expect(beforeFlush).toEqual({ applies: 0, checkpoint: 3, written: 0 });
    expect(inner.applies).toBe(1);
    expect((await inner.pending()).map((t) => t.timerId)).toEqual(['o-1:close', 'o-2:close']);
    expect(await inner.checkpoint()).toBe(3);
  });

  it('given a held schedule, when a later event cancels it, then the cancel is written after it and the timer is gone', async () => {
    await store.apply(1, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z')] });
    await store.apply(2, { cancel: ['o-1:close'] });

    await store.flush();

    expect(inner.applies).toBe(2);
    expect(await inner.pending()).toEqual([]);
  });

  it('given a held timer that is due, when the scheduler asks what is due, then it is written first and comes back', async () => {
    await store.apply(4, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z')] });

    const due = await store.due(new Date('2025-03-01T12:00:00.000Z'), 10);

    expect(due.map((t) => t.timerId)).toEqual(['o-1:close']);
    expect(await inner.checkpoint()).toBe(4);
  });

  it('given held instructions, when the process stops without writing them, then the store resumes from the last written checkpoint', async () => {
    await store.apply(1, { schedule: [timer('o-1:close', '2025-03-01T10:00:00.000Z')] });
    await store.flush();
    await store.apply(2, { schedule: [timer('o-2:close', '2025-03-01T10:00:00.000Z')] });

    const afterCrash = new WriteBehindTimerStore(inner);

    expect(await afterCrash.checkpoint()).toBe(1);
    expect((await afterCrash.pending()).map((t) => t.timerId)).toEqual(['o-1:close']);
  });
});
