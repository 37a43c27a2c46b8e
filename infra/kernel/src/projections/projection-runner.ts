import type { EventStore } from '../ports/event-store';
import type { Projection } from '../ports/projection';
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
  /** Events read per batch during a rebuild (default 2 000). */
  rebuildBatchSize?: number;
  /**
   * During a rebuild, read batches share one unit of work until it holds this many changed documents
   * (default 20 000), so a document touched in many batches is read once and written once per commit.
   */
  rebuildCommitDocuments?: number;
}

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
    this.running = this.running.then(() => this.processUntilHead(this.options.batchSize ?? 1000));
    return this.running;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.running;
  }

  /** Drops the read model and replays the whole log into it. */
  async rebuild(): Promise<RebuildReport> {
    const started = performance.now();
    let events = 0;
    this.running = this.running.then(async () => {
      const { collections } = this.projection;
      await this.readModels.reset(this.projection.name, collections);
      this.checkpoint = 0;
      events = await this.processUntilHeadCounting(
        this.options.rebuildBatchSize ?? 2_000,
        this.options.rebuildCommitDocuments ?? 20_000,
        new BufferedUnitOfWork(this.readModels, { emptyCollections: collections }),
      );
    });
    await this.running;
    return { name: this.projection.name, events, ms: Math.round(performance.now() - started) };
  }

  private async processUntilHead(batchSize: number): Promise<void> {
    await this.processUntilHeadCounting(batchSize, 0, new BufferedUnitOfWork(this.readModels));
  }

  /** Commits whenever the unit of work holds `commitDocuments` changed documents, and at the head. */
  private async processUntilHeadCounting(batchSize: number, commitDocuments: number, uow: BufferedUnitOfWork): Promise<number> {
    let from = await this.position();
    let handled = 0;
    let uncommitted = 0;
    for (;;) {
      const events = await this.store.readAll(from, batchSize);
      for (const event of events) {
        if (!this.projection.handles(event.type)) continue;
        const applying = this.projection.apply(event, uow);
        if (applying) await applying; // a projection that finished synchronously costs no promise per event
      }
      if (events.length > 0) {
        from = events[events.length - 1].position;
        uncommitted += events.length;
      }
      if (uncommitted > 0 && (events.length < batchSize || uow.size >= commitDocuments)) {
        await this.readModels.commit(uow.toBatch(this.projection.name, from));
        this.checkpoint = from;
        handled += uncommitted;
        uncommitted = 0;
      }
      if (events.length === 0) return handled;
    }
  }
}
