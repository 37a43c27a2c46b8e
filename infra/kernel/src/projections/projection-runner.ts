import type { EventStore, RecordedEvent } from '../ports/event-store';
import type { Projection, UnitOfWork } from '../ports/projection';
import type { ReadModelStore } from '../ports/read-model-store';
import { BufferedUnitOfWork } from './unit-of-work';
import { LiveLoop } from '../support/live-loop';

export interface RebuildReport {
  name: string;
  events: number;
  ms: number;
}

export interface ProjectionRunnerOptions {
  /** Events read and committed per batch while following the log (default 1 000). */
  batchSize?: number;
  /**
   * Events read per batch during a rebuild (default 250). Small on purpose: a page stays reachable until all of it
   * is applied, so the larger it is, the more events each young-generation GC has to copy.
   */
  rebuildBatchSize?: number;
  /**
   * During a rebuild, read batches share one unit of work until it holds more than this many changed documents
   * (default 20 000; an order document takes 2–4 KB of heap), so a document touched in many batches is read once and
   * written once per commit. Memory stays bounded whatever the log's length; a log whose documents all fit commits
   * once. (A cache of committed documents kept across commits was measured slower: 42 % against 49 % of the raw scan
   * at 100 000 events, 32 % against 40 % at 1 000 000.)
   */
  rebuildCommitDocuments?: number;
}

/** Reads a batch of the log after a position. */
type LogReader = (afterPosition: number, limit: number) => Promise<RecordedEvent[]>;

type Apply = Projection['apply'];

/** Decides, after each read batch, whether to commit the unit of work now; `atHead`: the log has no more events. */
type CommitPolicy = (uow: BufferedUnitOfWork, atHead: boolean) => boolean;

const everyBatch: CommitPolicy = () => true;

const whenHoldingMoreThan =
  (maxDocuments: number): CommitPolicy =>
  (uow, atHead) =>
    atHead || uow.size > maxDocuments;

/**
 * Feeds one projection from the global log. Documents and the checkpoint commit together, so a crash
 * between batches replays nothing twice and loses nothing.
 */
export class ProjectionRunner {
  private checkpoint = -1;
  private readonly loop: LiveLoop;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.loop = new LiveLoop(
      store,
      () => this.position(),
      () => this.catchUp(),
    );
  }

  get name(): string {
    return this.projection.name;
  }

  async position(): Promise<number> {
    if (this.checkpoint < 0) this.checkpoint = await this.readModels.checkpoint(this.projection.name);
    return this.checkpoint;
  }

  /** Processes everything committed so far. Calls are serialised: concurrent callers share the work. */
  catchUp(): Promise<void> {
    this.running = this.running.then(async () => {
      await this.processUntilHead(
        await this.position(),
        this.options.batchSize ?? 1000,
        new BufferedUnitOfWork(this.readModels, { sharesDocuments: this.projection.sharesDocuments }),
        everyBatch,
      );
    });
    return this.running;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.running;
  }

  /**
   * Replays the whole log into an empty read model. The old one is dropped by the first commit, in the same
   * transaction, so readers never see it half gone; a rebuild that fits in one unit of work swaps it atomically.
   * Applies events with the projection's `applyRebuilding` when it has one.
   */
  async rebuild(): Promise<RebuildReport> {
    const started = performance.now();
    let events = 0;
    this.running = this.running.then(async () => {
      events = await this.processUntilHead(
        0,
        this.options.rebuildBatchSize ?? 250,
        new BufferedUnitOfWork(this.readModels, { resetCollections: this.projection.collections }),
        whenHoldingMoreThan(this.options.rebuildCommitDocuments ?? 20_000),
        this.replayReader(),
        this.projection.applyRebuilding?.bind(this.projection),
      );
    });
    await this.running;
    return { name: this.projection.name, events, ms: Math.round(performance.now() - started) };
  }

  /**
   * How a rebuild reads the log: without the events' metadata when the projection reads none (`reads: 'payload'`) and
   * the store can leave it out (at 100 000 order events, reading 6 columns instead of 15 halved the SQLite read), and
   * without parsing the data of events the projection does not handle.
   */
  private replayReader(): LogReader {
    const readPayloads = this.store.readAllPayloads?.bind(this.store);
    const handles = (eventType: string) => this.projection.handles(eventType);
    if (this.projection.reads === 'payload' && readPayloads) return (after, limit) => readPayloads(after, limit, handles);
    return (after, limit) => this.store.readAll(after, limit);
  }

  /** Projects the log after `from` until the head, committing when `commitDue` says so. Returns how many events it committed. */
  private async processUntilHead(
    from: number,
    batchSize: number,
    uow: BufferedUnitOfWork,
    commitDue: CommitPolicy,
    read: LogReader = (after, limit) => this.store.readAll(after, limit),
    apply: Apply = this.projection.apply.bind(this.projection),
  ): Promise<number> {
    let handled = 0;
    let uncommitted = 0;
    for (;;) {
      const events = await read(from, batchSize);
      await this.applyAll(events, uow, apply);
      if (events.length > 0) {
        from = events[events.length - 1].position;
        uncommitted += events.length;
      }
      if (commitDue(uow, events.length < batchSize) && (uncommitted > 0 || uow.resetPending)) {
        await this.readModels.commit(uow.toBatch(this.projection.name, from));
        this.checkpoint = from;
        handled += uncommitted;
        uncommitted = 0;
      }
      if (events.length === 0) return handled;
    }
  }

  private async applyAll(events: RecordedEvent[], uow: UnitOfWork, apply: Apply): Promise<void> {
    for (const event of events) {
      if (!this.projection.handles(event.type)) continue;
      const applying = apply(event, uow);
      if (applying) await applying; // a projection that finished synchronously costs no promise per event
    }
  }
}
