import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '../memory';
import type { ServiceRuntime, TimerPolicy } from '../platform';
import type { EventStore, RecordedEvent } from '../ports/event-store';
import type { Projection } from '../ports/projection';
import type { Timer } from '../ports/timer-store';
import { inMemoryTestPlatform } from './in-memory-test-platform';

const HOUR = 3_600_000;

const append = (store: EventStore, streamId: string, type: string, occurredAt: string) =>
  store.append(
    streamId,
    [
      {
        eventId: randomUUID(),
        type,
        schemaVersion: 1,
        data: {},
        metadata: { occurredAt, correlationId: 'corr', causationId: null, actor: { id: 'tester', role: 'agent' } },
      },
    ],
    'any',
  );

/** Counts the events of each stream into `counts`. */
const counting: Projection = {
  name: 'counting',
  collections: ['counts'],
  handles: () => true,
  async apply(event, uow) {
    const doc = (await uow.get<{ id: string; events: number }>('counts', event.streamId)) ?? { id: event.streamId, events: 0 };
    uow.put('counts', { ...doc, events: doc.events + 1 });
  },
};

/** An Opened event schedules a reminder an hour later, for the service `billing`. */
const reminderPolicy: TimerPolicy = (event) =>
  event.type === 'Opened'
    ? {
        schedule: [
          {
            timerId: `${event.streamId}:reminder`,
            service: 'billing',
            dueAt: new Date(Date.parse(event.occurredAt) + HOUR).toISOString(),
            command: { type: 'Remind' },
            scheduledBy: { eventId: event.eventId, correlationId: event.correlationId },
          },
        ],
      }
    : undefined;

function billing(store: EventStore, name = 'billing') {
  const fired: Timer[] = [];
  const runtime: ServiceRuntime = {
    name,
    projections: [counting],
    timerPolicies: [reminderPolicy],
    async fireTimer(timer) {
      fired.push(timer);
      await append(store, timer.timerId.split(':')[0], 'Reminded', timer.dueAt);
    },
  };
  return { runtime, fired };
}

describe('the in-memory test platform', () => {
  it('given a follower that reacts to the log, when settled, then its events are followed and projected too, and the clock starts where told', async () => {
    const env = inMemoryTestPlatform({ start: '2026-11-09T10:00:00.000Z' });
    const seen: string[] = [];
    env.attach(billing(env.eventStore).runtime, [
      async (event: RecordedEvent) => {
        seen.push(event.type);
        if (event.type === 'Opened') await append(env.eventStore, event.streamId, 'Acknowledged', env.clock.now().toISOString());
      },
    ]);

    await append(env.eventStore, 'invoice-1', 'Opened', env.clock.now().toISOString());
    await env.settle();

    expect(env.clock.now().toISOString()).toBe('2026-11-09T10:00:00.000Z');
    expect(seen).toEqual(['Opened', 'Acknowledged']);
    expect(await env.typesOf('invoice-1')).toEqual(['Opened', 'Acknowledged']);
    expect(await env.readModels.get('counts', 'invoice-1')).toEqual({ id: 'invoice-1', events: 2 });
    expect(await env.timers.pending()).toHaveLength(1);
  });

  it('given a timer, when time advances past it, then the runtime it names fires it at its deadline and what it appends is projected', async () => {
    const env = inMemoryTestPlatform();
    const { runtime, fired } = billing(env.eventStore);
    env.attach([runtime]);
    await append(env.eventStore, 'invoice-1', 'Opened', env.clock.now().toISOString());
    await env.settle();

    await env.advance(HOUR - 1);
    expect(fired).toEqual([]);
    const { firedTimers } = await env.advance(HOUR + 1);

    expect(firedTimers).toBe(1);
    expect(fired.map((t) => t.dueAt)).toEqual(['2026-11-02T09:00:00.000Z']);
    expect(env.clock.now().toISOString()).toBe('2026-11-02T10:00:00.000Z');
    expect(await env.readModels.get('counts', 'invoice-1')).toEqual({ id: 'invoice-1', events: 2 });
  });

  it('given a timer of a service that is not attached, when it falls due, then it stays pending', async () => {
    const env = inMemoryTestPlatform();
    env.attach(billing(env.eventStore, 'shipping').runtime);
    await append(env.eventStore, 'invoice-1', 'Opened', env.clock.now().toISOString());

    expect(await env.advance(2 * HOUR)).toMatchObject({ firedTimers: 0 });
    expect(await env.timers.pending()).toHaveLength(1);
  });

  it('given background work, when settled, then settle waits for it and projects what it appended', async () => {
    const env = inMemoryTestPlatform();
    const inFlight = new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
      append(env.eventStore, 'invoice-1', 'Opened', env.clock.now().toISOString()),
    );
    env.attach(billing(env.eventStore).runtime, [], [{ drain: async () => void (await inFlight) }]);

    await env.settle();

    expect(await env.readModels.get('counts', 'invoice-1')).toEqual({ id: 'invoice-1', events: 1 });
    expect(await env.timers.pending()).toHaveLength(1);
  });

  it('given background work that appends whenever it is drained, when settled, then it says so instead of running forever', async () => {
    const env = inMemoryTestPlatform();
    const restless = { drain: async () => void (await append(env.eventStore, 'loop-1', 'Ping', env.clock.now().toISOString())) };
    env.attach([], [], [restless]);

    await expect(env.settle()).rejects.toThrow('did not settle');
  });

  it('given a store of its own, then the platform runs on it and hands it the platform clock', async () => {
    const own = new InMemoryEventStore();
    const clocks: string[] = [];
    const env = inMemoryTestPlatform({
      start: '2026-12-01T00:00:00.000Z',
      eventStore: (clock) => {
        clocks.push(clock.now().toISOString());
        return own;
      },
    });
    env.attach(billing(own).runtime);

    await append(own, 'invoice-1', 'Opened', '2026-12-01T00:00:00.000Z');
    await env.settle();

    expect(clocks).toEqual(['2026-12-01T00:00:00.000Z']);
    expect(env.platform.eventStore).toBe(own);
    expect(await env.readModels.get('counts', 'invoice-1')).toEqual({ id: 'invoice-1', events: 1 });
  });
});
