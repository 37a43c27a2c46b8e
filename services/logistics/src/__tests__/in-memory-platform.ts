import {
  DuplicateCommandError,
  IdempotencyKeyReuseError,
  ManualClock,
  WrongExpectedRevisionError,
  type AppendOptions,
  type AppendResult,
  type CommandKeyRecord,
  type Document,
  type EventStore,
  type ExpectedRevision,
  type MessageBus,
  type NewEvent,
  type Page,
  type Platform,
  type Projection,
  type Query,
  type ReadModelBatch,
  type ReadModelStore,
  type RecordedEvent,
  type TimerStore,
} from '@aftersales/kernel';

/*
 * Just enough of a platform to drive the logistics facade in unit tests: an event store and a read-model
 * store over arrays and maps, and projections that run on demand (`project()`) or shortly after every
 * append (`autoProject`), as the embedded runtime's runner would.
 */

class MemoryEventStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  private readonly keys = new Map<string, CommandKeyRecord>();
  constructor(
    private readonly clock: ManualClock,
    private readonly onAppend: () => void,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    const key = options.commandKey;
    const previous = key ? this.keys.get(key.key) : undefined;
    if (key && previous) {
      if (previous.requestHash !== key.requestHash) throw new IdempotencyKeyReuseError(key.key);
      throw new DuplicateCommandError(previous);
    }
    const stream = this.log.filter((e) => e.streamId === streamId);
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && actual === 'no_stream') ||
      (expected === 'exists' && actual !== 'no_stream') ||
      expected === actual;
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
    const recordedAt = this.clock.now().toISOString();
    const appended = events.map((event, i): RecordedEvent => ({
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      revision: stream.length + i,
      position: this.log.length + i + 1,
      occurredAt: event.metadata.occurredAt,
      recordedAt,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      ...(event.metadata.trace ? { trace: event.metadata.trace } : {}),
      data: JSON.parse(JSON.stringify(event.data)),
    }));
    this.log.push(...appended);
    const revision = stream.length + appended.length - 1;
    if (key) {
      this.keys.set(key.key, {
        ...key,
        streamId,
        revision: appended.length ? revision : -1,
        eventIds: appended.map((e) => e.eventId),
        recordedAt,
      });
    }
    if (appended.length) this.onAppend();
    return { streamId, revision, events: appended };
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return this.log.filter((e) => e.streamId === streamId && e.revision >= fromRevision);
  }
  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.log.filter((e) => e.position > afterPosition).slice(0, limit);
  }
  async headPosition(): Promise<number> {
    return this.log.length;
  }
  async findCommandKey(key: string): Promise<CommandKeyRecord | undefined> {
    return this.keys.get(key);
  }
  async waitForAppend(): Promise<void> {}
  async close(): Promise<void> {}
}

class MemoryReadModels implements ReadModelStore {
  private readonly docs = new Map<string, Map<string, Document>>();
  private readonly checkpoints = new Map<string, number>();
  private readonly processed = new Set<string>();
  commits = 0;

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const doc = this.docs.get(collection)?.get(id);
    return doc ? (structuredClone(doc) as T) : undefined;
  }
  async find<T extends Document>(collection: string, query: Query): Promise<Page<T>> {
    const all = [...(this.docs.get(collection)?.values() ?? [])]
      .filter((doc) => Object.entries(query.where ?? {}).every(([field, value]) => doc[field] === value))
      .filter((doc) => query.cursor === undefined || doc.id > query.cursor)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const limit = query.limit ?? 50;
    const items = all.slice(0, limit).map((d) => structuredClone(d) as T);
    return all.length > limit ? { items, nextCursor: items[items.length - 1].id } : { items };
  }
  async commit(batch: ReadModelBatch): Promise<void> {
    this.commits += 1;
    for (const { collection, doc } of batch.puts) {
      if (!this.docs.has(collection)) this.docs.set(collection, new Map());
      this.docs.get(collection)!.set(doc.id, structuredClone(doc));
    }
    for (const { collection, id } of batch.deletes) this.docs.get(collection)?.delete(id);
    for (const id of batch.processedEventIds ?? []) this.processed.add(`${batch.projection}:${id}`);
    this.checkpoints.set(batch.projection, batch.checkpoint);
  }
  async checkpoint(projection: string): Promise<number> {
    return this.checkpoints.get(projection) ?? 0;
  }
  async wasProcessed(projection: string, eventId: string): Promise<boolean> {
    return this.processed.has(`${projection}:${eventId}`);
  }
  async reset(projection: string, collections: string[]): Promise<void> {
    for (const c of collections) this.docs.delete(c);
    this.checkpoints.delete(projection);
  }
  async close(): Promise<void> {}
}

export interface TestPlatform extends Platform {
  clock: ManualClock;
  eventStore: MemoryEventStore;
  readModels: MemoryReadModels;
  /** Runs the registered projections over what the log holds beyond their checkpoints. */
  project(): Promise<void>;
  useProjections(projections: Projection[]): void;
  /** Whether projections follow appends on their own (like the runtime's runner), or only on project(). */
  autoProject: boolean;
}

export function inMemoryPlatform(start = new Date('2026-11-02T09:00:00.000Z')): TestPlatform {
  const clock = new ManualClock(start);
  let projections: Projection[] = [];
  let running = Promise.resolve();
  const readModels = new MemoryReadModels();

  async function projectOnce(): Promise<void> {
    for (const projection of projections) {
      const from = await readModels.checkpoint(projection.name);
      const events = await eventStore.readAll(from, 10_000);
      if (events.length === 0) continue;
      const staged = new Map<string, Document | null>();
      const key = (c: string, id: string) => `${c}\u0000${id}`;
      const uow = {
        get: async <T extends Document>(c: string, id: string) => {
          const k = key(c, id);
          if (staged.has(k)) return (staged.get(k) ?? undefined) as T | undefined;
          return readModels.get<T>(c, id);
        },
        put: (c: string, doc: Document) => void staged.set(key(c, doc.id), structuredClone(doc)),
        delete: (c: string, id: string) => void staged.set(key(c, id), null),
      };
      for (const event of events) if (projection.handles(event.type)) await projection.apply(event, uow);
      const puts: ReadModelBatch['puts'] = [];
      const deletes: ReadModelBatch['deletes'] = [];
      for (const [k, doc] of staged) {
        const [collection, id] = k.split('\u0000');
        if (doc) puts.push({ collection, doc });
        else deletes.push({ collection, id });
      }
      await readModels.commit({ projection: projection.name, checkpoint: events[events.length - 1].position, puts, deletes });
    }
  }

  const project = () => (running = running.then(projectOnce));
  const platform: TestPlatform = {
    clock,
    eventStore: undefined as unknown as MemoryEventStore,
    readModels,
    timers: {} as TimerStore,
    bus: {} as MessageBus,
    settle: () => project(),
    project,
    useProjections: (list) => void (projections = list),
    autoProject: true,
  };
  const eventStore = new MemoryEventStore(clock, () => {
    if (platform.autoProject) setTimeout(() => void project(), 1);
  });
  platform.eventStore = eventStore;
  return platform;
}
