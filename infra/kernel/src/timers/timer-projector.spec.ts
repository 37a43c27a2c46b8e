import { InMemoryEventStore, InMemoryTimerStore } from '../memory';
import type { TimerPolicy } from '../platform';
import { sampleEvent, sampleEvents } from '../testing/sample-events';
import { TimerProjector } from './timer-projector';

const remindOnOpen: TimerPolicy = (event) =>
  event.type === 'Opened'
    ? { schedule: [{ timerId: `t-${event.position}`, service: 'billing', dueAt: '2026-11-02T00:00:00.000Z', command: { type: 'Remind' }, scheduledBy: { eventId: event.eventId, correlationId: event.correlationId } }] }
    : undefined;

/** `Opened` schedules `t-<key>`, `Paid` cancels it: the key is the event's `data.index`. */
const remindUntilPaid: TimerPolicy = (event) => {
  const key = (event.data as { index: number }).index;
  const timer = { timerId: `t-${key}`, service: 'billing', dueAt: '2026-11-02T00:00:00.000Z', command: { type: 'Remind' }, scheduledBy: { eventId: event.eventId, correlationId: event.correlationId } };
  if (event.type === 'Opened') return { schedule: [timer] };
  if (event.type === 'Paid') return { cancel: [timer.timerId] };
  return undefined;
};

/** A timer store that counts its writes. */
function countingTimers(): { timers: InMemoryTimerStore; writes: () => number } {
  const timers = new InMemoryTimerStore();
  let writes = 0;
  const apply = timers.apply.bind(timers);
  timers.apply = (position, instruction) => {
    writes++;
    return apply(position, instruction);
  };
  return { timers, writes: () => writes };
}

describe('TimerProjector', () => {
  it('given events that set no timer, when projected, then the stored checkpoint waits for more of them, and a restart from it schedules the same timers', async () => {
    const store = new InMemoryEventStore();
    const timers = new InMemoryTimerStore();
    await store.append('s-1', [sampleEvent('Opened'), ...sampleEvents(4)], 'any');

    await new TimerProjector(store, timers, [remindOnOpen], 1000, 1000).catchUp();

    expect(await timers.checkpoint()).toBe(1);
    const restarted = new TimerProjector(store, timers, [remindOnOpen], 1000, 1000);
    await restarted.catchUp();
    expect((await timers.pending()).map((t) => t.timerId)).toEqual(['t-1']);
  });

  it('given more events that set no timer than it holds, when projected, then the checkpoint is stored with the batch that passes the limit', async () => {
    const store = new InMemoryEventStore();
    const timers = new InMemoryTimerStore();
    await store.append('s-1', sampleEvents(5), 'any');

    await new TimerProjector(store, timers, [remindOnOpen], 2, 3).catchUp();

    expect(await timers.checkpoint()).toBe(4);
  });

  it('given a projector that held its position, when it stops, then the checkpoint is stored', async () => {
    const store = new InMemoryEventStore();
    const timers = new InMemoryTimerStore();
    await store.append('s-1', sampleEvents(3), 'any');
    const projector = new TimerProjector(store, timers, [remindOnOpen]);
    await projector.catchUp();

    await projector.stop();

    expect(await timers.checkpoint()).toBe(3);
  });

  it('given one batch that schedules timers and later cancels one of them, when projected, then only the cancelled one is gone', async () => {
    const store = new InMemoryEventStore();
    const { timers, writes } = countingTimers();
    const event = (type: string, index: number) => sampleEvent(type, { index });
    await store.append('s-1', [event('Opened', 1), event('Opened', 2), event('Paid', 1), event('Opened', 3), event('Paid', 9)], 'any');

    await new TimerProjector(store, timers, [remindUntilPaid]).catchUp();

    expect((await timers.pending()).map((t) => t.timerId).sort()).toEqual(['t-2', 't-3']);
    expect(writes()).toBe(2);
    expect(await timers.checkpoint()).toBe(5);
  });

  it('given a timer cancelled and scheduled again within one batch, when projected, then it is pending', async () => {
    const store = new InMemoryEventStore();
    const timers = new InMemoryTimerStore();
    const event = (type: string, index: number) => sampleEvent(type, { index });
    await store.append('s-1', [event('Opened', 1), event('Paid', 1), event('Opened', 1)], 'any');

    await new TimerProjector(store, timers, [remindUntilPaid]).catchUp();

    expect((await timers.pending()).map((t) => t.timerId)).toEqual(['t-1']);
  });
});
