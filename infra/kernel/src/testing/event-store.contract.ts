import { IdempotencyKeyReuseError, WrongExpectedRevisionError } from '../errors';
import { ManualClock } from '../ports/clock';
import { DuplicateCommandError, type EventStore, type ExpectedRevision } from '../ports/event-store';
import { sampleEvent, sampleEvents } from './sample-events';
import { settlementWithin, type StoreFactory, type StoreHarness } from './store-harness';

const START = new Date('2025-03-01T10:00:00.000Z');

/**
 * The behaviour every EventStore adapter must have. Run it from the adapter's own spec:
 * `eventStoreContract('SqliteEventStore', async ({ clock }) => harness)`.
 */
export function eventStoreContract(name: string, makeStore: StoreFactory<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let clock: ManualClock;
    let harness: StoreHarness<EventStore>;
    let store: EventStore;

    beforeEach(async () => {
      clock = new ManualClock(START);
      harness = await makeStore({ clock });
      store = harness.store;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
      try {
        await promise;
      } catch (error) {
        return error;
      }
      throw new Error('expected the promise to reject');
    };

    describe('appending and reading', () => {
      it('given an empty store, then it has no events, no head and no command keys', async () => {
        expect(await store.headPosition()).toBe(0);
        expect(await store.readAll(0, 10)).toEqual([]);
        expect(await store.readStream('order-none')).toEqual([]);
        expect(await store.findCommandKey('POST /orders:nothing')).toBeUndefined();
      });

      it('given a new stream, when events are appended, then they get revisions from 0, positions from 1 and the clock time', async () => {
        const first = sampleEvent('OrderPlaced', { total: { amount: 1250, currency: 'EUR' } });
        const second = sampleEvent(
          'OrderPaid',
          {},
          {
            schemaVersion: 2,
            metadata: {
              occurredAt: '2025-03-01T10:00:00.000Z',
              correlationId: 'corr-2',
              causationId: first.eventId,
              actor: { id: 'agent-7', role: 'agent' },
              trace: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'x=1' },
            },
          },
        );

        const result = await store.append('order-1', [first, second], 'no_stream');

        const recordedAt = START.toISOString();
        expect(result.streamId).toBe('order-1');
        expect(result.revision).toBe(1);
        expect(result.events.map((e) => [e.eventId, e.revision, e.position])).toEqual([
          [first.eventId, 0, 1],
          [second.eventId, 1, 2],
        ]);
        const stored = await store.readStream('order-1');
        expect(stored).toEqual(result.events);
        expect(stored[0]).toMatchObject({
          eventId: first.eventId,
          type: 'OrderPlaced',
          schemaVersion: 1,
          streamId: 'order-1',
          occurredAt: first.metadata.occurredAt,
          recordedAt,
          correlationId: 'corr-1',
          causationId: null,
          actor: { id: 'buyer-1', role: 'buyer' },
          data: { orderId: 'o-1', total: { amount: 1250, currency: 'EUR' } },
        });
        expect(stored[0].trace).toBeUndefined();
        expect(stored[1]).toMatchObject({
          type: 'OrderPaid',
          schemaVersion: 2,
          causationId: first.eventId,
          correlationId: 'corr-2',
          actor: { id: 'agent-7', role: 'agent' },
          trace: second.metadata.trace,
          recordedAt,
        });
        expect(await store.headPosition()).toBe(2);
      });

      it('given a trace context without trace state, when read back, then the trace has a traceparent and no tracestate', async () => {
        const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
        const traced = sampleEvent('OrderPaid', {}, { metadata: { ...sampleEvent('OrderPaid').metadata, trace: { traceparent } } });

        await store.append('order-1', [traced], 'no_stream');

        const [fromStream] = await store.readStream('order-1');
        const [fromLog] = await store.readAll(0, 1);
        expect(fromStream.trace).toStrictEqual({ traceparent });
        expect(fromLog.trace).toStrictEqual({ traceparent });
      });

      it('given a stream of five events, when it is read from revision 3, then only revisions 3 and 4 come back', async () => {
        await store.append('order-1', sampleEvents(5), 'no_stream');

        const tail = await store.readStream('order-1', 3);

        expect(tail.map((e) => e.revision)).toEqual([3, 4]);
      });

      it('given appended streams, then a revision the store says it knows is the last committed one', async () => {
        await store.append('s-1', sampleEvents(3), 'no_stream');
        await store.readStream('s-1');
        for (const streamId of ['s-1', 's-unknown']) {
          const known = store.knownRevision?.(streamId);
          const events = await store.readStream(streamId);
          if (known !== undefined) expect(known).toBe(events.length - 1);
        }
        await store.append('s-1', sampleEvents(1), 2);
        const known = store.knownRevision?.('s-1');
        if (known !== undefined) expect(known).toBe(3);
      });

      it('given two streams, when both are appended, then each keeps its own revisions and the log interleaves them', async () => {
        await store.append('order-a', sampleEvents(2), 'no_stream');
        await store.append('order-b', sampleEvents(1), 'no_stream');
        await store.append('order-a', sampleEvents(1), 1);

        const all = await store.readAll(0, 100);

        expect(all.map((e) => [e.streamId, e.revision, e.position])).toEqual([
          ['order-a', 0, 1],
          ['order-a', 1, 2],
          ['order-b', 0, 3],
          ['order-a', 2, 4],
        ]);
      });

      it('given a later clock time, when events are appended, then they are recorded at that time', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream');
        const later = clock.advanceBy(90_000);

        const result = await store.append('order-1', sampleEvents(1), 0);

        expect(result.events[0].recordedAt).toBe(later.toISOString());
        expect((await store.readStream('order-1', 1))[0].recordedAt).toBe(later.toISOString());
      });

      it('given no events and no command key, when appended, then nothing is written and the current revision is returned', async () => {
        await store.append('order-1', sampleEvents(2), 'no_stream');

        const result = await store.append('order-1', [], 'any');

        expect(result).toEqual({ streamId: 'order-1', revision: 1, events: [] });
        expect(await store.headPosition()).toBe(2);
      });
    });

    describe('expected revision', () => {
      const appendingTo = async (existing: number, expected: ExpectedRevision): Promise<unknown> => {
        if (existing > 0) await store.append('order-1', sampleEvents(existing), 'no_stream');
        return store.append('order-1', sampleEvents(1), expected).then(
          (result) => result.revision,
          (error: unknown) => error,
        );
      };

      it.each<[string, number, ExpectedRevision, number]>([
        ['no_stream on a new stream', 0, 'no_stream', 0],
        ['any on a new stream', 0, 'any', 0],
        ['any on an existing stream', 2, 'any', 2],
        ['exists on an existing stream', 2, 'exists', 2],
        ['the last revision of an existing stream', 3, 2, 3],
      ])('given %s, when appended, then it succeeds', async (_case, existing, expected, newRevision) => {
        expect(await appendingTo(existing, expected)).toBe(newRevision);
      });

      it.each<[string, number, ExpectedRevision, number | 'no_stream']>([
        ['no_stream on an existing stream', 2, 'no_stream', 1],
        ['exists on a new stream', 0, 'exists', 'no_stream'],
        ['a revision on a new stream', 0, 0, 'no_stream'],
        ['a stale revision', 3, 1, 2],
        ['a revision from the future', 1, 4, 0],
      ])(
        'given %s, when appended, then WrongExpectedRevisionError names the actual revision and nothing is written',
        async (_case, existing, expected, actual) => {
          const outcome = await appendingTo(existing, expected);

          expect(outcome).toBeInstanceOf(WrongExpectedRevisionError);
          expect(outcome).toMatchObject({ streamId: 'order-1', expected, actual });
          expect(await store.headPosition()).toBe(existing);
          expect(await store.readStream('order-1')).toHaveLength(existing);
        },
      );
    });

    describe('concurrency', () => {
      it('given many writers with the same expected revision on one stream, when they append at once, then exactly one wins', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream');

        const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => store.append('order-1', sampleEvents(2), 0)));

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(11);
        for (const loss of lost) expect(loss.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readStream('order-1')).map((e) => e.revision)).toEqual([0, 1, 2]);
      });

      it('given many writers creating the same stream, when they append at once, then exactly one creates it', async () => {
        const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => store.append('order-new', sampleEvents(1), 'no_stream')));

        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream('order-new')).toHaveLength(1);
      });

      it('given concurrent appends to many streams, when they all commit, then global positions are gap-free and match what each append returned', async () => {
        const requests = Array.from({ length: 60 }, (_, i) => ({ streamId: `order-${i % 7}`, count: (i % 3) + 1 }));

        const results = await Promise.all(requests.map((r) => store.append(r.streamId, sampleEvents(r.count), 'any')));

        const total = requests.reduce((sum, r) => sum + r.count, 0);
        const log = await store.readAll(0, total + 10);
        expect(log.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        expect(await store.headPosition()).toBe(total);
        const byId = new Map(log.map((e) => [e.eventId, e]));
        for (const event of results.flatMap((r) => r.events)) expect(byId.get(event.eventId)).toEqual(event);
        for (let s = 0; s < 7; s++) {
          const revisions = (await store.readStream(`order-${s}`)).map((e) => e.revision);
          expect(revisions).toEqual(revisions.map((_, i) => i));
        }
      });

      it('given a conflicting append among concurrent ones, when they commit together, then only the conflicting one fails', async () => {
        await store.append('order-taken', sampleEvents(1), 'no_stream');

        const outcomes = await Promise.allSettled([
          store.append('order-x', sampleEvents(1), 'no_stream'),
          store.append('order-taken', sampleEvents(1), 'no_stream'),
          store.append('order-y', sampleEvents(2), 'no_stream'),
        ]);

        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readAll(0, 10)).map((e) => e.position)).toEqual([1, 2, 3, 4]);
      });
    });

    describe('reading the whole log', () => {
      it('given 25 events, when read in pages of 10, then the pages follow each other without overlap or gap', async () => {
        for (let i = 0; i < 5; i++) await store.append(`order-${i}`, sampleEvents(5), 'no_stream');

        const pages = [];
        let after = 0;
        for (;;) {
          const page = await store.readAll(after, 10);
          if (page.length === 0) break;
          pages.push(page.map((e) => e.position));
          after = page[page.length - 1].position;
        }

        expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
        expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
        expect(await store.readAll(25, 10)).toEqual([]);
      });
    });

    describe('reading the log by event type', () => {
      it('given a log of mixed types, when read by two types in pages of 2, then only those types come back, in log order, without overlap or gap', async () => {
        await store.append('order-a', [sampleEvent('OrderPlaced'), sampleEvent('OrderNoted')], 'no_stream');
        await store.append('compensation-1', [sampleEvent('CompensationDecided')], 'no_stream');
        await store.append('order-a', [sampleEvent('OrderNoted'), sampleEvent('OrderShipped')], 1);
        await store.append('compensation-2', [sampleEvent('CompensationDecided')], 'no_stream');

        const types = ['CompensationDecided', 'OrderShipped'];
        const first = await store.readAllOfTypes(types, 0, 2);
        const second = await store.readAllOfTypes(types, first[first.length - 1].position, 2);
        const after = await store.readAllOfTypes(types, second[second.length - 1].position, 2);

        expect(first.map((e) => [e.type, e.position])).toEqual([
          ['CompensationDecided', 3],
          ['OrderShipped', 5],
        ]);
        expect(second.map((e) => [e.type, e.position])).toEqual([['CompensationDecided', 6]]);
        expect(after).toEqual([]);
        expect(second[0]).toEqual((await store.readAll(5, 1))[0]);
      });

      it('given events of other types only, when read by type, then nothing comes back', async () => {
        await store.append('order-a', sampleEvents(3), 'no_stream');

        expect(await store.readAllOfTypes(['CompensationDecided'], 0, 10)).toEqual([]);
        expect(await store.readAllOfTypes([], 0, 10)).toEqual([]);
      });
    });

    describe('command keys', () => {
      const key = { key: 'POST /orders:3f1c', requestHash: 'hash-a' };

      it('given an append with a command key, then the key is recorded with the stream, revision and event ids', async () => {
        const result = await store.append('order-1', sampleEvents(2), 'no_stream', { commandKey: key });

        expect(await store.findCommandKey(key.key)).toEqual({
          ...key,
          streamId: 'order-1',
          revision: 1,
          eventIds: result.events.map((e) => e.eventId),
          recordedAt: START.toISOString(),
        });
      });

      it('given a handled key, when the same key and hash come again, then DuplicateCommandError carries the first record and nothing is appended', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream', { commandKey: key });
        const first = await store.findCommandKey(key.key);
        clock.advanceBy(1000);

        const error = await rejectionOf(store.append('order-1', sampleEvents(1), 0, { commandKey: key }));

        expect(error).toBeInstanceOf(DuplicateCommandError);
        expect((error as DuplicateCommandError).record).toEqual(first);
        expect(await store.headPosition()).toBe(1);
      });

      it('given a handled key, when it comes again with a stale expected revision, then it is still a duplicate, not a conflict', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream', { commandKey: key });
        await store.append('order-1', sampleEvents(1), 0);

        const error = await rejectionOf(store.append('order-1', sampleEvents(1), 0, { commandKey: key }));

        expect(error).toBeInstanceOf(DuplicateCommandError);
      });

      it('given a handled key, when it comes with another request hash, then IdempotencyKeyReuseError and nothing is appended', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream', { commandKey: key });

        const error = await rejectionOf(
          store.append('order-2', sampleEvents(1), 'no_stream', { commandKey: { ...key, requestHash: 'hash-b' } }),
        );

        expect(error).toBeInstanceOf(IdempotencyKeyReuseError);
        expect(error).toMatchObject({ key: key.key });
        expect(await store.readStream('order-2')).toEqual([]);
        expect((await store.findCommandKey(key.key))?.requestHash).toBe('hash-a');
      });

      it('given a command that changed nothing on a new stream, when its key is appended with no events, then the key alone is recorded with revision -1', async () => {
        const result = await store.append('order-1', [], 'any', { commandKey: key });

        expect(result).toEqual({ streamId: 'order-1', revision: -1, events: [] });
        expect(await store.findCommandKey(key.key)).toMatchObject({ streamId: 'order-1', revision: -1, eventIds: [] });
        expect(await store.headPosition()).toBe(0);
      });

      it('given a command that changed nothing on an existing stream, then the key is recorded with the current revision and replays as a duplicate', async () => {
        await store.append('order-1', sampleEvents(3), 'no_stream');

        await store.append('order-1', [], 'any', { commandKey: key });
        const again = await rejectionOf(store.append('order-1', [], 'any', { commandKey: key }));

        expect(await store.findCommandKey(key.key)).toMatchObject({ revision: 2, eventIds: [] });
        expect(again).toBeInstanceOf(DuplicateCommandError);
        expect((again as DuplicateCommandError).record.revision).toBe(2);
      });

      it('given the same key sent twice at once, then exactly one append is written and the other is a duplicate of it', async () => {
        const outcomes = await Promise.allSettled([
          store.append('order-1', sampleEvents(1), 'any', { commandKey: key }),
          store.append('order-1', sampleEvents(1), 'any', { commandKey: key }),
        ]);

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(DuplicateCommandError);
        expect(await store.readStream('order-1')).toHaveLength(1);
      });

      it('given an append that conflicts, then its command key is not recorded', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream');

        await rejectionOf(store.append('order-1', sampleEvents(1), 'no_stream', { commandKey: key }));

        expect(await store.findCommandKey(key.key)).toBeUndefined();
      });
    });

    describe('waiting for appends', () => {
      it('given the head is already past the position, then waitForAppend resolves at once', async () => {
        await store.append('order-1', sampleEvents(2), 'no_stream');

        expect(await settlementWithin(store.waitForAppend(1), 200)).toBe('resolved');
      });

      it('given the head is at the position, then waitForAppend stays pending until the next append', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream');
        const waiting = store.waitForAppend(1);

        expect(await settlementWithin(waiting, 50)).toBe('pending');
        await store.append('order-2', sampleEvents(1), 'no_stream');

        expect(await settlementWithin(waiting, 1000)).toBe('resolved');
        expect(await store.headPosition()).toBe(2);
      });

      it('given a waiter, when an append fails, then it keeps waiting', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream');
        const waiting = store.waitForAppend(1);

        await rejectionOf(store.append('order-1', sampleEvents(1), 'no_stream'));

        expect(await settlementWithin(waiting, 50)).toBe('pending');
        await store.append('order-1', sampleEvents(1), 0);
        expect(await settlementWithin(waiting, 1000)).toBe('resolved');
      });

      it('given a pending waiter, when its signal aborts, then it resolves so the subscriber can stop', async () => {
        const controller = new AbortController();
        const waiting = store.waitForAppend(0, controller.signal);
        expect(await settlementWithin(waiting, 30)).toBe('pending');

        controller.abort();

        expect(await settlementWithin(waiting, 1000)).toBe('resolved');
      });
    });

    describe('hash chain', () => {
      it('given an empty log, when the chain is verified, then nothing is checked and nothing is broken', async () => {
        expect(await store.verifyChain()).toEqual({ checked: 0 });
      });

      it('given appends of one and of many events, concurrent ones among them, when the chain is verified, then every event checks', async () => {
        await store.append('order-1', sampleEvents(3), 'no_stream');
        await Promise.all([store.append('order-2', sampleEvents(2), 'no_stream'), store.append('order-3', sampleEvents(1), 'no_stream')]);
        await store.append('order-1', sampleEvents(1), 2);

        expect(await store.verifyChain()).toEqual({ checked: 7 });
      });

      it('given a failed append between two good ones, when the chain is verified, then the good ones chain to each other', async () => {
        await store.append('order-1', sampleEvents(1), 'no_stream');
        await expect(store.append('order-1', sampleEvents(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await store.append('order-1', sampleEvents(1), 0);

        expect(await store.verifyChain()).toEqual({ checked: 2 });
      });
    });

    describe('durability', () => {
      it('given events and command keys, when the store is reopened, then everything is still there and appends continue from the head', async () => {
        const key = { key: 'consumer:order:ev-1', requestHash: 'h' };
        await store.append('order-1', sampleEvents(3), 'no_stream', { commandKey: key });
        await store.append('order-2', sampleEvents(1), 'no_stream');
        const before = await store.readAll(0, 100);
        const record = await store.findCommandKey(key.key);

        store = await harness.reopen();

        expect(await store.readAll(0, 100)).toEqual(before);
        expect(await store.headPosition()).toBe(4);
        expect(await store.findCommandKey(key.key)).toEqual(record);
        await expect(store.append('order-1', sampleEvents(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.append('order-1', sampleEvents(1), 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.append('order-1', sampleEvents(1), 0, { commandKey: key })).rejects.toBeInstanceOf(DuplicateCommandError);
        const next = await store.append('order-1', sampleEvents(1), 2);
        expect(next.events[0]).toMatchObject({ revision: 3, position: 5 });
        expect(await store.verifyChain()).toEqual({ checked: 5 });
      });
    });
  });
}
