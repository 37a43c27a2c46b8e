import { CommandHandler } from '../command/command-handler';
import { InMemoryEventStore, InMemoryTimerStore } from '../memory';
import { ManualClock } from '../ports/clock';
import { TimerProjector } from './timer-projector';
import { TimerScheduler } from './timer-scheduler';
import { TimeTravel } from './time-travel';
import type { Decider } from '../decider';
import type { TimerPolicy } from '../platform';

// A tiny invoice: opened with a due date; a reminder fires at the due date, and a second one a day later.
type Cmd = { type: 'Open'; dueAt: string } | { type: 'Remind'; at: string } | { type: 'Pay' };
type Ev =
  | { type: 'Opened'; data: { orderId: string; dueAt: string } }
  | { type: 'Reminded'; data: { orderId: string; at: string; count: number } }
  | { type: 'Paid'; data: { orderId: string } };
type State = { reminders: number; paid: boolean };
const DAY = 86_400_000;

const invoice: Decider<Cmd, State, Ev> = {
  initialState: { reminders: 0, paid: false },
  decide(command, state) {
    if (command.type === 'Open') return [{ type: 'Opened', data: { orderId: 'o1', dueAt: command.dueAt } }];
    if (command.type === 'Pay') return [{ type: 'Paid', data: { orderId: 'o1' } }];
    if (state.paid) return [];
    return [{ type: 'Reminded', data: { orderId: 'o1', at: command.at, count: state.reminders + 1 } }];
  },
  evolve(state, event) {
    if (event.type === 'Reminded') return { ...state, reminders: event.data.count };
    if (event.type === 'Paid') return { ...state, paid: true };
    return state;
  },
};

const policy: TimerPolicy = (event) => {
  const scheduledBy = { eventId: event.eventId, correlationId: event.correlationId };
  if (event.type === 'Opened') {
    const dueAt = (event.data as { dueAt: string }).dueAt;
    return { schedule: [{ timerId: 'inv-1:reminder-1', service: 'billing', dueAt, command: { type: 'Remind' }, scheduledBy }] };
  }
  if (event.type === 'Reminded' && (event.data as { count: number }).count === 1) {
    const dueAt = new Date(Date.parse(event.occurredAt) + DAY).toISOString();
    return { schedule: [{ timerId: 'inv-1:reminder-2', service: 'billing', dueAt, command: { type: 'Remind' }, scheduledBy }] };
  }
  if (event.type === 'Paid') return { cancel: ['inv-1:reminder-1', 'inv-1:reminder-2'] };
  return undefined;
};

const setup = () => {
  const clock = new ManualClock(new Date('2026-11-01T00:00:00Z'));
  const store = new InMemoryEventStore(clock);
  const timers = new InMemoryTimerStore();
  const handler = new CommandHandler(store, clock, { decider: invoice, schemaVersionOf: () => 1 });
  const dispatched: string[] = [];
  const scheduler = new TimerScheduler(clock, timers, async (timer) => {
    dispatched.push(timer.timerId);
    await handler.handle('invoice-1', (now) => ({ type: 'Remind', at: now }), {
      actor: { id: 'scheduler', role: 'system' },
      commandKey: { key: `timer:${timer.timerId}`, requestHash: timer.timerId },
    });
  });
  const projector = new TimerProjector(store, timers, [policy]);
  const travel = new TimeTravel(clock, timers, scheduler, () => projector.catchUp());
  const actor = { id: 'buyer-1', role: 'buyer' as const };
  return { clock, store, timers, handler, scheduler, projector, travel, dispatched, actor };
};

describe('durable timers and time travel', () => {
  it('given a deadline in an event, when time jumps past it, then the timer fires at its due time, and what it schedules within the jump fires too', async () => {
    const { store, handler, travel, actor } = setup();
    await handler.handle('invoice-1', { type: 'Open', dueAt: '2026-11-02T00:00:00.000Z' }, { actor });

    const result = await travel.advance(3 * DAY);

    expect(result.firedTimers).toBe(2);
    expect(result.now).toBe('2026-11-04T00:00:00.000Z');
    const reminders = (await store.readStream('invoice-1')).filter((e) => e.type === 'Reminded');
    expect(reminders.map((e) => e.occurredAt)).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z']);
  });

  it('given time has not reached the deadline, then nothing fires', async () => {
    const { handler, travel, actor, dispatched } = setup();
    await handler.handle('invoice-1', { type: 'Open', dueAt: '2026-11-02T00:00:00.000Z' }, { actor });
    const result = await travel.advance(DAY - 1);
    expect(result.firedTimers).toBe(0);
    expect(dispatched).toEqual([]);
  });

  it('given the invoice was paid, then its timers are cancelled and never fire', async () => {
    const { handler, travel, actor, dispatched } = setup();
    await handler.handle('invoice-1', { type: 'Open', dueAt: '2026-11-02T00:00:00.000Z' }, { actor });
    await handler.handle('invoice-1', { type: 'Pay' }, { actor });
    await travel.advance(5 * DAY);
    expect(dispatched).toEqual([]);
  });

  it('given a timer fired but was not marked fired (crash in between), when it fires again, then its command appends nothing', async () => {
    const { store, handler, travel, actor, clock, dispatched } = setup();
    await handler.handle('invoice-1', { type: 'Open', dueAt: '2026-11-02T00:00:00.000Z' }, { actor });
    await travel.advance(DAY + 1);
    const head = await store.headPosition();
    const [opened] = await store.readStream('invoice-1');
    const restartedTimers = new InMemoryTimerStore();
    await restartedTimers.apply(opened.position, policy(opened)!);
    const restarted = new TimerScheduler(clock, restartedTimers, async (timer) => {
      dispatched.push(timer.timerId);
      await handler.handle('invoice-1', (now) => ({ type: 'Remind', at: now }), {
        actor: { id: 'scheduler', role: 'system' },
        commandKey: { key: `timer:${timer.timerId}`, requestHash: timer.timerId },
      });
    });

    expect(await restarted.fireDue()).toBe(1);

    expect(dispatched).toEqual(['inv-1:reminder-1', 'inv-1:reminder-1']);
    expect(await store.headPosition()).toBe(head);
  });
});
