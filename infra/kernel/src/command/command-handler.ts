import type { Actor, TraceContext } from '@aftersales/contracts';
import { fold, type Decider, type DomainEvent } from '../decider';
import { IdempotencyKeyReuseError, WrongExpectedRevisionError } from '../errors';
import { randomUuid, timeOrderedUuid } from './time-ordered-id';
import { KeyedLock } from '../support/keyed-lock';
import type { Clock } from '../ports/clock';
import { inSpan, telemetry, type TelemetrySpan } from '../telemetry/telemetry';
import {
  DuplicateCommandError,
  type CommandKey,
  type CommandKeyRecord,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../ports/event-store';

/** Who asks, why, and under which key: becomes the metadata of every event the command appends. */
export interface CommandContext {
  actor: Actor;
  correlationId?: string;
  /** The event or request that caused this command. */
  causationId?: string | null;
  trace?: TraceContext;
  /** Client idempotency key, recorded atomically with the append. */
  commandKey?: CommandKey;
  /** If-Match: the revision the caller last saw; a mismatch is a conflict, never retried. */
  expectedRevision?: number;
}

export interface CommandResult<S> {
  streamId: string;
  /** Revision of the stream's last event (-1 when the stream is still empty). */
  revision: number;
  state: S;
  eventIds: string[];
  events: RecordedEvent[];
  /** True when the idempotency key was seen before and this is the first outcome, replayed. */
  replayed: boolean;
}

export interface AggregateDefinition<C, S, E extends DomainEvent> {
  decider: Decider<C, S, E>;
  /** Schema version written for each event type (from the contracts catalogue). */
  schemaVersionOf(type: E['type']): number;
  /**
   * Reads a stored event in the shape the decider knows today: from the schema version it was written with to the
   * current one. Applied to every stored event the handler folds; without it, a stored event is read as written.
   */
  upcast?(event: RecordedEvent): DomainEvent;
  /**
   * Lets the handler fold the state it caches in place (a hot stream's state is then not a new object per command,
   * which the garbage collector would have to move out of its young generation). Whoever gets a state from the handler
   * (a command's result, load) gets `copy` of it, so nothing they hold changes afterwards.
   */
  ownedState?: OwnedState<S, E>;
}

export interface OwnedState<S, E extends DomainEvent> {
  /**
   * The decider's evolve for a state nobody else holds: may change that state, and values its own evolve made for it,
   * and answer it, or answer a new one. Never given the decider's initialState.
   */
  evolve(state: S, event: E): S;
  /** A copy that evolve never changes afterwards. */
  copy(state: S): S;
}

/** The command may need "now": pass a function and it receives the clock's time as an ISO string. */
export type CommandInput<C> = C | ((now: string) => C);

interface CachedStream<S> {
  revision: number;
  state: S;
}

export interface CommandHandlerOptions {
  /** Attempts for a command without If-Match when another writer keeps getting in between (default 200). */
  maxAttempts?: number;
  /** Time budget of those retries in ms (default 10 000): a busy stream delays a command, it does not refuse it. */
  retryBudgetMs?: number;
  cacheSize?: number;
}

/**
 * One lock table per event store, shared by every handler on it: commands on one stream are serialised inside this
 * process whichever capability sends them, so they never conflict with each other; only another process can.
 */
const streamLocks = new WeakMap<EventStore, KeyedLock>();
const lockFor = (store: EventStore): KeyedLock => {
  let lock = streamLocks.get(store);
  if (!lock) streamLocks.set(store, (lock = new KeyedLock()));
  return lock;
};

/** Small jittered backoff between retries: 1–4 ms at first, growing to at most ~50 ms. */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** Math.min(attempt, 6)) * (0.5 + Math.random())));

/**
 * Load → decide → append with the expected revision. Commands on one stream are serialised in this process (a
 * per-stream queue); a conflict with another writer (another process) is retried with a small jittered backoff until
 * the command lands, within a generous budget. A command with If-Match (expectedRevision) is never retried: the
 * caller asked for that revision. Caches folded state so a hot stream is not re-read from the start.
 */
export class CommandHandler<C, S, E extends DomainEvent> {
  private readonly cache = new Map<string, CachedStream<S>>();
  private readonly locks: KeyedLock;
  private cachedAtEpoch: number | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly aggregate: AggregateDefinition<C, S, E>,
    private readonly options: CommandHandlerOptions = {},
  ) {
    this.locks = lockFor(store);
  }

  handle(streamId: string, input: CommandInput<C>, ctx: CommandContext): Promise<CommandResult<S>> {
    if (telemetry().enabled) return this.handleTraced(streamId, input, ctx);
    return this.locks.runOne(streamId, () => this.handleSerialised(streamId, input, ctx));
  }

  /**
   * The same, in a span (a child of the active span, else of the caller's trace context) whose context the appended
   * events carry, so whoever consumes them continues this trace; the command's latency goes to a histogram.
   */
  private handleTraced(streamId: string, input: CommandInput<C>, ctx: CommandContext): Promise<CommandResult<S>> {
    const started = performance.now();
    const commandType = commandTypeOf(input);
    const attributes = { 'aftersales.stream.id': streamId, 'aftersales.command.type': commandType };
    return inSpan(`command ${commandType}`, { parent: ctx.trace, attributes }, async (span) => {
      const traced: TracedCommand = { span, commandType };
      let outcome = 'error';
      try {
        const result = await this.locks.runOne(streamId, () => this.handleSerialised(streamId, input, { ...ctx, trace: span.trace() }, traced));
        outcome = result.replayed ? 'replayed' : result.events.length ? 'appended' : 'nothing';
        span.setAttributes({ 'aftersales.command.outcome': outcome, 'aftersales.stream.revision': result.revision });
        return result;
      } finally {
        commandDuration().record((performance.now() - started) / 1000, { 'aftersales.command.type': traced.commandType, 'aftersales.command.outcome': outcome });
      }
    });
  }

  /**
   * The common case (no idempotency key, first attempt) runs without an async frame of its own: a command is one
   * promise chain from the lock to the store's append. A failed attempt goes on in `retried`.
   */
  private handleSerialised(streamId: string, input: CommandInput<C>, ctx: CommandContext, traced?: TracedCommand): Promise<CommandResult<S>> {
    if (ctx.commandKey) return this.handleKeyed(streamId, input, ctx, ctx.commandKey, traced);
    const deadline = Date.now() + (this.options.retryBudgetMs ?? 10_000);
    return this.attempt(streamId, input, ctx, traced).catch((error: unknown) => this.retried(error, 1, deadline, streamId, input, ctx, traced));
  }

  private async handleKeyed(streamId: string, input: CommandInput<C>, ctx: CommandContext, key: CommandKey, traced?: TracedCommand): Promise<CommandResult<S>> {
    const previous = await this.store.findCommandKey(key.key);
    if (previous) return this.replay(previous, key);
    const deadline = Date.now() + (this.options.retryBudgetMs ?? 10_000);
    try {
      return await this.attempt(streamId, input, ctx, traced);
    } catch (error) {
      return this.retried(error, 1, deadline, streamId, input, ctx, traced);
    }
  }

  /** After attempt number `attempt` failed with `error`: the first outcome of a duplicate key, a retry, or the error. */
  private async retried(
    error: unknown,
    attempt: number,
    deadline: number,
    streamId: string,
    input: CommandInput<C>,
    ctx: CommandContext,
    traced?: TracedCommand,
  ): Promise<CommandResult<S>> {
    const maxAttempts = this.options.maxAttempts ?? 200;
    for (; ; attempt++) {
      if (error instanceof DuplicateCommandError && ctx.commandKey) return this.replay(error.record, ctx.commandKey);
      const retryable = error instanceof WrongExpectedRevisionError && ctx.expectedRevision === undefined;
      this.cache.delete(streamId);
      if (!retryable || attempt >= maxAttempts || Date.now() >= deadline) throw error;
      await backoff(attempt);
      try {
        return await this.attempt(streamId, input, ctx, traced);
      } catch (next) {
        error = next;
      }
    }
  }

  /** Current state of a stream, folded from the log; no read at all when the store says the cached state is current. */
  async load(streamId: string): Promise<CachedStream<S>> {
    const loaded = await this.loadCached(streamId);
    return this.aggregate.ownedState ? { revision: loaded.revision, state: this.aggregate.ownedState.copy(loaded.state) } : loaded;
  }

  /** The cached entry, brought up to date: the handler's own (with ownedState, its state is folded in place). */
  private async loadCached(streamId: string): Promise<CachedStream<S>> {
    const current = this.cachedIfCurrent(streamId);
    if (current) return current;
    this.dropCacheIfReadsChanged();
    const cached = this.cache.get(streamId);
    const from = cached ? cached.revision + 1 : 0;
    // a command may fold the cached state in place while the read is under way: fold what it was at the read
    const base = cached ? { revision: cached.revision, state: this.aggregate.ownedState?.copy(cached.state) ?? cached.state } : undefined;
    const events = await this.store.readStream(streamId, from);
    if (events.length === 0 && cached) return cached;
    const start = base ?? { revision: -1, state: this.aggregate.decider.initialState };
    const loaded = {
      revision: events.length ? events[events.length - 1].revision : start.revision,
      state: this.foldStored(start.state, events),
    };
    this.remember(streamId, loaded);
    return loaded;
  }

  /** The cached state when the store knows the stream is still at its revision: no read, no await. */
  private cachedIfCurrent(streamId: string): CachedStream<S> | undefined {
    this.dropCacheIfReadsChanged();
    const cached = this.cache.get(streamId);
    return cached && this.store.knownRevision?.(streamId) === cached.revision ? cached : undefined;
  }

  /** Load (no read when the cached state is current), decide, append. Never throws: a failure is a rejected promise. */
  private attempt(streamId: string, input: CommandInput<C>, ctx: CommandContext, traced?: TracedCommand): Promise<CommandResult<S>> {
    try {
      const current = this.cachedIfCurrent(streamId);
      if (!current) return this.loadCached(streamId).then((loaded) => this.decideAndAppend(streamId, loaded, input, ctx, traced));
      return this.decideAndAppend(streamId, current, input, ctx, traced);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private decideAndAppend(
    streamId: string,
    current: CachedStream<S>,
    input: CommandInput<C>,
    ctx: CommandContext,
    traced?: TracedCommand,
  ): Promise<CommandResult<S>> {
    if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== current.revision) {
      throw new WrongExpectedRevisionError(streamId, ctx.expectedRevision, current.revision < 0 ? 'no_stream' : current.revision);
    }
    const now = this.clock.now().toISOString();
    const command = typeof input === 'function' ? (input as (now: string) => C)(now) : input;
    if (traced && typeof input === 'function') {
      traced.commandType = commandTypeOf(command);
      traced.span.setName(`command ${traced.commandType}`);
      traced.span.setAttributes({ 'aftersales.command.type': traced.commandType });
    }
    const decided = this.aggregate.decider.decide(command, current.state);
    if (decided.length === 0 && !ctx.commandKey) {
      return Promise.resolve({ streamId, revision: current.revision, state: this.shown(current.state), eventIds: [], events: [], replayed: false });
    }
    // One metadata object for the events of one command: they share it, and the store only reads it.
    const metadata = { occurredAt: now, correlationId: ctx.correlationId ?? randomUuid(), causationId: ctx.causationId ?? null, actor: ctx.actor, trace: ctx.trace };
    const newEvents = new Array<NewEvent>(decided.length);
    for (let i = 0; i < decided.length; i++) {
      const event = decided[i];
      newEvents[i] = { eventId: timeOrderedUuid(), type: event.type, schemaVersion: this.aggregate.schemaVersionOf(event.type), data: event.data, metadata };
    }
    const expected = current.revision < 0 ? 'no_stream' : current.revision;
    const append = () => this.store.append(streamId, newEvents, decided.length ? expected : 'any', { commandKey: ctx.commandKey });
    const appended = traced ? inSpan('append', appendSpanOptions(streamId, newEvents.length, expected), append) : append();
    return appended.then((result) => {
      const revision = decided.length ? result.revision : current.revision;
      const { ownedState } = this.aggregate;
      let state: S;
      if (ownedState) {
        // the entry and its state are the handler's: they change in place (commands on a stream take turns)
        state = fold(current.revision < 0 ? this.aggregate.decider : ownedState, current.state, decided);
        current.revision = revision;
        current.state = state;
        this.remember(streamId, current);
        state = ownedState.copy(state);
      } else {
        state = fold(this.aggregate.decider, current.state, decided);
        this.remember(streamId, { revision, state });
      }
      const eventIds = new Array<string>(result.events.length);
      for (let i = 0; i < eventIds.length; i++) eventIds[i] = result.events[i].eventId;
      return { streamId, revision, state, eventIds, events: result.events, replayed: false };
    });
  }

  /** The first outcome of a command key: the stream folded up to the revision that command left it at. */
  private async replay(record: CommandKeyRecord, key: CommandKey): Promise<CommandResult<S>> {
    if (record.requestHash !== key.requestHash) throw new IdempotencyKeyReuseError(key.key);
    const events = record.revision < 0 ? [] : (await this.store.readStream(record.streamId, 0)).filter((e) => e.revision <= record.revision);
    const state = this.foldStored(this.aggregate.decider.initialState, events);
    const ids = new Set(record.eventIds);
    return {
      streamId: record.streamId,
      revision: record.revision,
      state,
      eventIds: record.eventIds,
      events: events.filter((e) => ids.has(e.eventId)),
      replayed: true,
    };
  }

  /**
   * Folds stored events, each read through the upcast hook when the aggregate has one. Without it the envelope goes
   * to evolve as it is (it has the event's type and data), so loading allocates nothing per event.
   */
  private foldStored(state: S, events: readonly RecordedEvent[]): S {
    const { decider } = this.aggregate;
    if (!this.aggregate.upcast) {
      for (const event of events) state = decider.evolve(state, event as unknown as E);
      return state;
    }
    for (const event of events) state = decider.evolve(state, this.aggregate.upcast(event) as E);
    return state;
  }

  /** A state the handler caches, as it may leave the handler: a copy when the handler folds its states in place. */
  private shown(state: S): S {
    return this.aggregate.ownedState ? this.aggregate.ownedState.copy(state) : state;
  }

  /** State folded before an erasure may hold what the erasure removed: it is folded again from the log. */
  private dropCacheIfReadsChanged(): void {
    const epoch = this.store.readEpoch?.();
    if (epoch === this.cachedAtEpoch) return;
    this.cache.clear();
    this.cachedAtEpoch = epoch;
  }

  /**
   * Past the limit the stream cached first is dropped (a new state keeps its stream's place: one map write per
   * command, no delete and re-insert); a dropped stream is folded from the log again on its next command.
   */
  private remember(streamId: string, entry: CachedStream<S>): void {
    this.cache.set(streamId, entry);
    if (this.cache.size > (this.options.cacheSize ?? 10_000)) this.cache.delete(this.cache.keys().next().value as string);
  }
}

export const toDomainEvent = (event: RecordedEvent): DomainEvent => ({ type: event.type, data: event.data });

/** The span of a traced command, and its type once known (a command built from "now" is known only inside). */
interface TracedCommand {
  span: TelemetrySpan;
  commandType: string;
}

const commandTypeOf = (command: unknown): string =>
  typeof command === 'object' && command !== null && typeof (command as { type?: unknown }).type === 'string' ? (command as { type: string }).type : 'unknown';

const commandDuration = () =>
  telemetry().histogram('aftersales.command.duration', { description: 'Time to handle a command: load, decide, append (retries included)', unit: 's' });

const appendSpanOptions = (streamId: string, events: number, expected: number | 'no_stream') => ({
  kind: 'client' as const,
  attributes: { 'db.operation.name': 'append', 'aftersales.stream.id': streamId, 'aftersales.event.count': events, 'aftersales.expected_revision': String(expected) },
});
