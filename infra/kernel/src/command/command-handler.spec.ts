import { CommandHandler } from './command-handler';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { ManualClock } from '../ports/clock';
import { DomainError, IdempotencyKeyReuseError, WrongExpectedRevisionError, illegalTransition } from '../errors';
import type { Decider, DomainEvent } from '../decider';
import type { RecordedEvent } from '../ports/event-store';
import type { Actor } from '@aftersales/contracts';

type Cmd = { type: 'Add'; amount: number; at?: string } | { type: 'Close' };
type Ev = { type: 'Added'; data: { orderId: string; amount: number; at?: string } } | { type: 'Closed'; data: { orderId: string } };
type State = { total: number; closed: boolean };

const counter: Decider<Cmd, State, Ev> = {
  initialState: { total: 0, closed: false },
  decide(command, state) {
    if (state.closed) throw illegalTransition(command.type, 'closed');
    if (command.type === 'Close') return [{ type: 'Closed', data: { orderId: 'o1' } }];
    if (command.amount === 0) return [];
    return [{ type: 'Added', data: { orderId: 'o1', amount: command.amount, at: command.at } }];
  },
  evolve(state, event) {
    return event.type === 'Added' ? { ...state, total: state.total + event.data.amount } : { ...state, closed: true };
  },
};

const actor: Actor = { id: 'agent-7', role: 'agent' };
const setup = () => {
  const clock = new ManualClock(new Date('2026-11-01T00:00:00Z'));
  const store = new InMemoryEventStore(clock);
  const handler = new CommandHandler(store, clock, { decider: counter, schemaVersionOf: () => 1 });
  return { clock, store, handler };
};

describe('CommandHandler', () => {
  it('given an empty stream, when a command is handled, then its events are appended with the metadata of the context', async () => {
    const { store, handler } = setup();
    const result = await handler.handle('counter-1', { type: 'Add', amount: 5 }, { actor, correlationId: 'corr-1', causationId: 'cause-1' });
    expect(result.revision).toBe(0);
    expect(result.state.total).toBe(5);
    const [event] = await store.readStream('counter-1');
    expect(event).toMatchObject({ type: 'Added', revision: 0, correlationId: 'corr-1', causationId: 'cause-1', actor, occurredAt: '2026-11-01T00:00:00.000Z' });
    expect(result.eventIds).toEqual([event.eventId]);
  });

  it('given a command built from now, when handled, then it receives the clock time', async () => {
    const { clock, store, handler } = setup();
    clock.advanceBy(3_600_000);
    await handler.handle('counter-1', (now) => ({ type: 'Add', amount: 1, at: now }), { actor });
    const [event] = await store.readStream('counter-1');
    expect((event.data as { at: string }).at).toBe('2026-11-01T01:00:00.000Z');
  });

  it('given a decision with no events and no key, when handled, then nothing is appended', async () => {
    const { store, handler } = setup();
    const result = await handler.handle('counter-1', { type: 'Add', amount: 0 }, { actor });
    expect(result.eventIds).toEqual([]);
    expect(await store.headPosition()).toBe(0);
  });

  it('given a replayed idempotency key with the same request, then the first outcome returns and nothing is appended', async () => {
    const { store, handler } = setup();
    const ctx = { actor, commandKey: { key: 'k1', requestHash: 'h1' } };
    const first = await handler.handle('counter-1', { type: 'Add', amount: 5 }, ctx);
    await handler.handle('counter-1', { type: 'Add', amount: 2 }, { actor });
    const again = await handler.handle('counter-1', { type: 'Add', amount: 5 }, ctx);
    expect(again.replayed).toBe(true);
    expect(again.eventIds).toEqual(first.eventIds);
    expect(again.state.total).toBe(5);
    expect(again.revision).toBe(first.revision);
    expect(await store.headPosition()).toBe(2);
  });

  it('given a used idempotency key, when sent with another request, then it is refused', async () => {
    const { handler } = setup();
    await handler.handle('counter-1', { type: 'Add', amount: 5 }, { actor, commandKey: { key: 'k1', requestHash: 'h1' } });
    await expect(handler.handle('counter-1', { type: 'Add', amount: 6 }, { actor, commandKey: { key: 'k1', requestHash: 'h2' } })).rejects.toBeInstanceOf(
      IdempotencyKeyReuseError,
    );
  });

  it('given a stale expected revision (If-Match), then it fails with a conflict and is not retried', async () => {
    const { store, handler } = setup();
    await handler.handle('counter-1', { type: 'Add', amount: 5 }, { actor });
    await handler.handle('counter-1', { type: 'Add', amount: 5 }, { actor });
    await expect(handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor, expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.headPosition()).toBe(2);
  });

  it('given another writer appended in between, when handled, then it reloads and retries', async () => {
    const { store, handler, clock } = setup();
    const other = new CommandHandler(store, clock, { decider: counter, schemaVersionOf: () => 1 });
    await handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor });
    await other.handle('counter-1', { type: 'Add', amount: 10 }, { actor });
    const result = await handler.handle('counter-1', { type: 'Add', amount: 100 }, { actor });
    expect(result.state.total).toBe(111);
    expect(result.revision).toBe(2);
  });

  it('given cached state at the revision the store knows, when the next command comes, then the stream is not read again', async () => {
    const { store, handler } = setup();
    await handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor });
    const read = jest.spyOn(store, 'readStream');
    const result = await handler.handle('counter-1', { type: 'Add', amount: 2 }, { actor });
    expect(read).not.toHaveBeenCalled();
    expect(result.state.total).toBe(3);
    expect(result.revision).toBe(1);
  });

  it('given a store that cannot say its revision, when the next command comes, then the tail of the stream is read', async () => {
    const { store, handler, clock } = setup();
    const blind = Object.assign(Object.create(store) as InMemoryEventStore, { knownRevision: undefined });
    const blindHandler = new CommandHandler(blind, clock, { decider: counter, schemaVersionOf: () => 1 });
    await blindHandler.handle('counter-1', { type: 'Add', amount: 1 }, { actor });
    await handler.handle('counter-1', { type: 'Add', amount: 10 }, { actor });
    const read = jest.spyOn(store, 'readStream');
    const result = await blindHandler.handle('counter-1', { type: 'Add', amount: 100 }, { actor });
    expect(read).toHaveBeenCalledWith('counter-1', 1);
    expect(result.state.total).toBe(111);
  });

  it('given cached state, when the store says its reads changed (an erasure), then the next command folds the stream from the start', async () => {
    const { store, clock } = setup();
    let epoch = 0;
    const erasable = Object.assign(Object.create(store) as InMemoryEventStore, { readEpoch: () => epoch });
    const handler = new CommandHandler(erasable, clock, { decider: counter, schemaVersionOf: () => 1 });
    await handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor });
    await handler.handle('counter-1', { type: 'Add', amount: 2 }, { actor });
    const read = jest.spyOn(store, 'readStream');

    epoch += 1;
    const result = await handler.handle('counter-1', { type: 'Add', amount: 4 }, { actor });

    expect(read).toHaveBeenCalledWith('counter-1', 0);
    expect(result.state.total).toBe(7);
  });

  it('given concurrent commands on one stream, then every one of them lands exactly once', async () => {
    const { store, handler } = setup();
    await Promise.all(Array.from({ length: 4 }, () => handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor })));
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
  });

  it('given 50 concurrent commands on one stream without If-Match, when handled, then every one succeeds', async () => {
    const { store, handler } = setup();
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor })));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect((await store.readStream('counter-1')).length).toBe(50);
  });

  it('given two handlers on one store (two capabilities), when 50 commands race on one stream, then every one succeeds', async () => {
    const { store, handler, clock } = setup();
    const other = new CommandHandler(store, clock, { decider: counter, schemaVersionOf: () => 1 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? handler : other).handle('counter-1', { type: 'Add', amount: 1 }, { actor })),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect((await store.readStream('counter-1')).length).toBe(50);
  });

  it('given another process keeps writing to the stream, when a command without If-Match is handled, then it retries until it lands', async () => {
    const { clock, store } = setup();
    let conflicts = 20;
    const busy = Object.create(store) as InMemoryEventStore;
    busy.append = async (streamId, events, expected, options) => {
      if (conflicts-- > 0) {
        await store.append(streamId, [{ ...events[0], eventId: `foreign-${conflicts}` }], 'any');
        throw new WrongExpectedRevisionError(streamId, expected, 0);
      }
      return store.append(streamId, events, expected, options);
    };
    const handler = new CommandHandler(busy, clock, { decider: counter, schemaVersionOf: () => 1 });
    const result = await handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor });
    expect(result.state.total).toBe(21);
  });

  it('given another process wrote since the caller read (stale If-Match under concurrency), then it is a conflict, never retried', async () => {
    const { store, handler } = setup();
    await handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor, expectedRevision: 0 })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason instanceof WrongExpectedRevisionError)).toBe(true);
    expect(await store.headPosition()).toBe(2);
  });

  it('given a refused transition, then the domain error surfaces and nothing is appended', async () => {
    const { store, handler } = setup();
    await handler.handle('counter-1', { type: 'Close' }, { actor });
    const attempt = handler.handle('counter-1', { type: 'Add', amount: 1 }, { actor });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ kind: 'conflict', details: { currentStatus: 'closed' } });
    expect(await store.headPosition()).toBe(1);
  });

  describe('upcasting', () => {
    /** Version 1 of `Added` carried the amount as `value`; version 2 names it `amount`. */
    const addedV1 = (value: number) => ({
      eventId: 'ev-v1',
      type: 'Added',
      schemaVersion: 1,
      data: { orderId: 'o1', value },
      metadata: { occurredAt: '2026-10-01T00:00:00.000Z', correlationId: 'corr-v1', causationId: null, actor },
    });
    const upcast = (event: RecordedEvent): DomainEvent => {
      if (event.type !== 'Added' || event.schemaVersion !== 1) return { type: event.type, data: event.data };
      const { value, ...rest } = event.data as { orderId: string; value: number };
      return { type: 'Added', data: { ...rest, amount: value } };
    };
    const handlerOn = (store: InMemoryEventStore, clock: ManualClock, withUpcast: boolean) =>
      new CommandHandler(store, clock, { decider: counter, schemaVersionOf: () => 2, ...(withUpcast ? { upcast } : {}) });

    it('given a stored v1 event, when a command is handled, then the decision is made on the upcast state', async () => {
      const { clock, store } = setup();
      await store.append('counter-1', [addedV1(3)], 'no_stream');
      const handler = handlerOn(store, clock, true);

      const result = await handler.handle('counter-1', { type: 'Add', amount: 5 }, { actor });

      expect(result.state.total).toBe(8);
      expect((await store.readStream('counter-1')).map((e) => [e.schemaVersion, e.data])).toEqual([
        [1, { orderId: 'o1', value: 3 }],
        [2, { orderId: 'o1', amount: 5 }],
      ]);
    });

    it('given a stored v1 event and a replayed idempotency key, then the first outcome is folded through the hook too', async () => {
      const { clock, store } = setup();
      await store.append('counter-1', [addedV1(3)], 'no_stream');
      const ctx = { actor, commandKey: { key: 'k1', requestHash: 'h1' } };
      await handlerOn(store, clock, true).handle('counter-1', { type: 'Add', amount: 5 }, ctx);

      const again = await handlerOn(store, clock, true).handle('counter-1', { type: 'Add', amount: 5 }, ctx);

      expect(again.replayed).toBe(true);
      expect(again.state.total).toBe(8);
    });

    it('given a stored v1 event and no hook, then it is read as written', async () => {
      const { clock, store } = setup();
      await store.append('counter-1', [addedV1(3)], 'no_stream');

      const { state } = await handlerOn(store, clock, false).load('counter-1');

      expect(state.total).toBeNaN();
    });
  });
});
