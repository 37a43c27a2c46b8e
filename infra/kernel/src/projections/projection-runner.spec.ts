import { InMemoryEventStore, InMemoryReadModelStore } from '../memory';
import { ProjectionRunner } from './projection-runner';
import type { Projection } from '../ports/projection';
import type { NewEvent } from '../ports/event-store';

const totals: Projection = {
  name: 'totals',
  collections: ['totals'],
  handles: (type) => type === 'Added',
  async apply(event, uow) {
    const data = event.data as { orderId: string; amount: number };
    const doc = (await uow.get<{ id: string; total: number; events: number }>('totals', data.orderId)) ?? {
      id: data.orderId,
      total: 0,
      events: 0,
    };
    uow.put('totals', { ...doc, total: doc.total + data.amount, events: doc.events + 1 });
  },
};

const added = (orderId: string, amount: number, i: number): NewEvent => ({
  eventId: `e-${orderId}-${i}`,
  type: 'Added',
  schemaVersion: 1,
  data: { orderId, amount },
  metadata: { occurredAt: '2026-11-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: { id: 'a', role: 'agent' } },
});

/** The number of documents each commit puts, in order. */
function recordCommits(readModels: InMemoryReadModelStore): number[] {
  const commits: number[] = [];
  const commit = readModels.commit.bind(readModels);
  readModels.commit = async (batch) => {
    commits.push(batch.puts.length);
    await commit(batch);
  };
  return commits;
}

describe('ProjectionRunner', () => {
  it('given events in the log, when caught up, then documents and the checkpoint reflect every event once', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    for (let i = 0; i < 10; i++) await store.append(`s-${i % 3}`, [added(`o${i % 3}`, i, i)], 'any');
    const runner = new ProjectionRunner(store, readModels, totals, { batchSize: 4 });

    await runner.catchUp();
    await runner.catchUp();

    expect(await readModels.get('totals', 'o0')).toEqual({ id: 'o0', total: 0 + 3 + 6 + 9, events: 4 });
    expect(await readModels.checkpoint('totals')).toBe(10);
  });

  it('given a live read model, when rebuilt from the log, then it reaches the same state', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    const runner = new ProjectionRunner(store, readModels, totals);
    for (let i = 0; i < 20; i++) {
      await store.append(`s-${i % 4}`, [added(`o${i % 4}`, i * 10, i)], 'any');
      if (i % 5 === 0) await runner.catchUp();
    }
    await runner.catchUp();
    const live = await readModels.find('totals', {});

    const report = await runner.rebuild();

    expect(report.events).toBe(20);
    expect(await readModels.find('totals', {})).toEqual(live);
  });

  it('given a projection with its own rebuild fold, then a rebuild applies with it, marks its batches, and following the log does not', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    const batches: { puts: number; rebuild?: boolean }[] = [];
    const commit = readModels.commit.bind(readModels);
    readModels.commit = async (batch) => {
      batches.push({ puts: batch.puts.length, rebuild: batch.rebuild });
      await commit(batch);
    };
    const applied: string[] = [];
    const counting: Projection = {
      ...totals,
      apply: (event, uow) => (applied.push('apply'), totals.apply(event, uow)),
      applyRebuilding: (event, uow) => (applied.push('applyRebuilding'), totals.apply(event, uow)),
    };
    const runner = new ProjectionRunner(store, readModels, counting);
    for (let i = 0; i < 3; i++) await store.append('s-1', [added('o1', 1, i)], 'any');

    await runner.catchUp();
    await runner.rebuild();

    expect(applied).toEqual(['apply', 'apply', 'apply', 'applyRebuilding', 'applyRebuilding', 'applyRebuilding']);
    expect(batches).toEqual([
      { puts: 1, rebuild: undefined },
      { puts: 1, rebuild: true },
    ]);
    expect(await readModels.get('totals', 'o1')).toEqual({ id: 'o1', total: 3, events: 3 });
  });

  it('given a rebuild whose documents fit in memory, then they are committed once, however many batches it reads', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    for (let i = 0; i < 20; i++) await store.append(`s-${i % 4}`, [added(`o${i % 4}`, i, i)], 'any');
    const commits = recordCommits(readModels);

    await new ProjectionRunner(store, readModels, totals, { rebuildBatchSize: 3 }).rebuild();

    expect(commits).toEqual([4]);
    expect(await readModels.get('totals', 'o1')).toEqual({ id: 'o1', total: 1 + 5 + 9 + 13 + 17, events: 5 });
    expect(await readModels.checkpoint('totals')).toBe(20);
  });

  it('given a rebuild holding more changed documents than its commit size, then it commits as it goes and still equals the log', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    for (let i = 0; i < 20; i++) await store.append(`s-${i % 4}`, [added(`o${i % 4}`, i, i)], 'any');
    const commits = recordCommits(readModels);

    await new ProjectionRunner(store, readModels, totals, { rebuildBatchSize: 3, rebuildCommitDocuments: 3 }).rebuild();

    expect(commits).toEqual([4, 4, 4, 2]); // 7 read batches of 3: a commit after each second one, and the last 2 events at the head
    expect(await readModels.get('totals', 'o1')).toEqual({ id: 'o1', total: 1 + 5 + 9 + 13 + 17, events: 5 });
    expect(await readModels.checkpoint('totals')).toBe(20);
  });

  it('given a projection that reads payloads only, when rebuilt from a store that can leave the metadata out, then it reads payloads, of the types it handles, and equals the log', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    for (let i = 0; i < 6; i++) await store.append(`s-${i % 2}`, [added(`o${i % 2}`, i, i)], 'any');
    const reads: string[] = [];
    const needed = new Set<string>();
    const payloadStore = Object.assign(Object.create(store) as InMemoryEventStore, {
      readAll: (after: number, limit: number) => (reads.push('readAll'), store.readAll(after, limit)),
      readAllPayloads: (after: number, limit: number, needs?: (type: string) => boolean) => {
        reads.push('readAllPayloads');
        for (const type of ['Added', 'Removed']) if (needs?.(type)) needed.add(type);
        return store.readAll(after, limit);
      },
    });

    await new ProjectionRunner(payloadStore, readModels, { ...totals, reads: 'payload' }, { rebuildBatchSize: 4 }).rebuild();

    expect(new Set(reads)).toEqual(new Set(['readAllPayloads']));
    expect(needed).toEqual(new Set(['Added']));
    expect(await readModels.get('totals', 'o1')).toEqual({ id: 'o1', total: 1 + 3 + 5, events: 3 });
  });

  it('given a projection that reads whole events, when rebuilt, then it reads them with their metadata', async () => {
    const store = new InMemoryEventStore();
    await store.append('s-1', [added('o1', 1, 1)], 'any');
    const reads: string[] = [];
    const payloadStore = Object.assign(Object.create(store) as InMemoryEventStore, {
      readAll: (after: number, limit: number) => (reads.push('readAll'), store.readAll(after, limit)),
      readAllPayloads: (after: number, limit: number) => (reads.push('readAllPayloads'), store.readAll(after, limit)),
    });

    await new ProjectionRunner(payloadStore, new InMemoryReadModelStore(), totals).rebuild();

    expect(new Set(reads)).toEqual(new Set(['readAll']));
  });

  it('given a rebuild, then the old read model stays readable until the first commit replaces it with the new one', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    for (let i = 0; i < 6; i++) await store.append(`s-${i % 2}`, [added(`o${i % 2}`, i, i)], 'any');
    await readModels.commit({
      projection: 'totals',
      checkpoint: 6,
      puts: [{ collection: 'totals', doc: { id: 'stale', total: 1, events: 1 } }],
      deletes: [],
    });
    const seenBeforeCommit: unknown[] = [];
    const commit = readModels.commit.bind(readModels);
    readModels.commit = async (batch) => {
      seenBeforeCommit.push(await readModels.get('totals', 'stale'));
      await commit(batch);
    };

    await new ProjectionRunner(store, readModels, totals, { rebuildBatchSize: 2 }).rebuild();

    expect(seenBeforeCommit).toEqual([{ id: 'stale', total: 1, events: 1 }]);
    expect((await readModels.find('totals', {})).items.map((d) => d.id)).toEqual(['o0', 'o1']);
    expect(await readModels.checkpoint('totals')).toBe(6);
  });

  it('given an empty log, when rebuilt, then the old read model is dropped all the same', async () => {
    const readModels = new InMemoryReadModelStore();
    await readModels.commit({ projection: 'totals', checkpoint: 3, puts: [{ collection: 'totals', doc: { id: 'stale' } }], deletes: [] });

    const report = await new ProjectionRunner(new InMemoryEventStore(), readModels, totals).rebuild();

    expect(report.events).toBe(0);
    expect(await readModels.get('totals', 'stale')).toBeUndefined();
    expect(await readModels.checkpoint('totals')).toBe(0);
  });

  it('given a started runner, when new events are appended, then it projects them without being asked', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    const runner = new ProjectionRunner(store, readModels, totals);
    runner.start();
    await store.append('s-1', [added('o1', 7, 1)], 'any');
    for (let i = 0; i < 50 && (await readModels.checkpoint('totals')) < 1; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(await readModels.get('totals', 'o1')).toMatchObject({ total: 7 });
  });
});
