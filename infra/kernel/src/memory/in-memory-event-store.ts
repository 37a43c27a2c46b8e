import { DuplicateCommandError, type ChainReport, type AppendOptions, type AppendResult, type CommandKeyRecord, type EventStore, type ExpectedRevision, type NewEvent, type RecordedEvent } from '../ports/event-store';
import { IdempotencyKeyReuseError, WrongExpectedRevisionError } from '../errors';
import type { Clock } from '../ports/clock';
import { chainedFieldsOf, chainHash, ChainVerifier, GENESIS_HASH } from '../log-chain/chain-hash';

/** An event store in memory, for unit tests of application code; it passes the same contract suite. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  /** hashes[i]: the chain hash of log[i]. */
  private readonly hashes: string[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly keys = new Map<string, CommandKeyRecord>();
  private waiters: (() => void)[] = [];

  constructor(private readonly clock: Clock = { now: () => new Date() }) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    const key = options.commandKey;
    const previous = key && this.keys.get(key.key);
    if (previous) {
      if (previous.requestHash !== key.requestHash) throw new IdempotencyKeyReuseError(key.key);
      throw new DuplicateCommandError(previous);
    }
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current < 0) ||
      (expected === 'exists' && current >= 0) ||
      expected === current;
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current < 0 ? 'no_stream' : current);
    const recordedAt = this.clock.now().toISOString();
    const recorded = events.map((event, i): RecordedEvent => ({
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      revision: current + 1 + i,
      position: this.log.length + 1 + i,
      occurredAt: event.metadata.occurredAt,
      recordedAt,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      ...(event.metadata.trace ? { trace: event.metadata.trace } : {}),
      data: structuredClone(event.data),
    }));
    for (const event of recorded) this.hashes.push(chainHash(this.hashes[this.hashes.length - 1] ?? GENESIS_HASH, chainedFieldsOf(event)));
    this.log.push(...recorded);
    if (recorded.length) this.streams.set(streamId, [...stream, ...recorded]);
    const revision = current + recorded.length;
    if (key) {
      this.keys.set(key.key, { ...key, streamId, revision, eventIds: recorded.map((e) => e.eventId), recordedAt });
    }
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
    return { streamId, revision, events: recorded.map((e) => structuredClone(e)) };
  }

  async verifyChain(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    for (let i = 0; i < this.log.length && verifier.check(chainedFieldsOf(this.log[i]), this.hashes[i]); i++);
    return verifier.report();
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return (this.streams.get(streamId) ?? []).filter((e) => e.revision >= fromRevision).map((e) => structuredClone(e));
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.log.slice(afterPosition, afterPosition + limit).map((e) => structuredClone(e));
  }

  async readAllOfTypes(types: readonly string[], afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    for (let i = afterPosition; i < this.log.length && found.length < limit; i++) {
      if (types.includes(this.log[i].type)) found.push(structuredClone(this.log[i]));
    }
    return found;
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  knownRevision(streamId: string): number {
    return (this.streams.get(streamId)?.length ?? 0) - 1;
  }

  async findCommandKey(key: string): Promise<CommandKeyRecord | undefined> {
    const record = this.keys.get(key);
    return record && structuredClone(record);
  }

  waitForAppend(afterPosition: number, signal?: AbortSignal): Promise<void> {
    if (this.log.length > afterPosition || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  async close(): Promise<void> {}
}
