import {
  chainHash,
  DuplicateCommandError,
  IdempotencyKeyReuseError,
  type AppendResult,
  type CommandKey,
  type CommandKeyRecord,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@aftersales/kernel';
import type { EventValues } from './event-log-schema';
import { assertExpectedRevision } from './expected-revision';

/** An append waiting for the next group commit. */
export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  commandKey?: CommandKey;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** An append that passed its checks: the rows to write and the answer to give once they are committed. */
export interface StagedAppend {
  result: AppendResult;
  rows: EventValues[];
  /**
   * hashes[i]: the chain hash of rows[i], each chained to the one before (the first to the log's last); empty when the
   * batch is chained where it is committed (the writer thread).
   */
  hashes: string[];
  commandKey?: CommandKeyRecord;
}

/** The hashes of a batch chained where it is committed: none here (one shared empty list, nothing allocated per append). */
const NOT_CHAINED_HERE: string[] = [];

/** What the store knows that is committed; consulted when the batch has not touched a stream or key yet. */
export interface CommittedLog {
  lastRevision(streamId: string): number;
  commandKey(key: string): CommandKeyRecord | undefined;
}

/**
 * The log as the appends of one batch see it: committed state plus the appends of the same batch
 * staged before. Appends are checked one by one against it, so one failing append never fails another.
 */
export class BatchView {
  readonly revisions = new Map<string, number>();
  private readonly commandKeys = new Map<string, CommandKeyRecord>();

  constructor(
    private readonly committed: CommittedLog,
    public head: number,
    /** The chain hash of the event at `head` (while the batch is chained here). */
    public lastHash: string,
    private readonly recordedAt: string,
    /** False: rows are staged without their hashes, for a writer that chains them as it inserts them. */
    private readonly chainHere = true,
  ) {}

  /** Checks an append and prepares its rows; throws the error the append must be rejected with. */
  stage(request: AppendRequest): StagedAppend {
    const { streamId, events, expected, commandKey } = request;
    if (commandKey) this.assertNewCommandKey(commandKey);
    const current = this.revisions.get(streamId) ?? this.committed.lastRevision(streamId);
    assertExpectedRevision(streamId, expected, current);

    const rows: EventValues[] = [];
    const hashes: string[] = this.chainHere ? [] : NOT_CHAINED_HERE;
    const recorded: RecordedEvent[] = [];
    let previousHash = this.lastHash;
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const { metadata } = event;
      const position = this.head + 1 + i;
      const revision = current + 1 + i;
      const data = JSON.stringify(event.data);
      if (data === undefined) throw new TypeError(`event ${event.eventId} has no JSON data`);
      rows.push([
        position,
        event.eventId,
        streamId,
        revision,
        event.type,
        event.schemaVersion,
        data,
        metadata.occurredAt,
        metadata.correlationId,
        metadata.causationId ?? null,
        metadata.actor.id,
        metadata.actor.role,
        metadata.trace?.traceparent ?? null,
        metadata.trace?.tracestate ?? null,
        this.recordedAt,
      ]);
      if (this.chainHere) hashes.push((previousHash = chainHash(previousHash, rows[i])));
      const entry: RecordedEvent = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        streamId,
        revision,
        position,
        occurredAt: metadata.occurredAt,
        recordedAt: this.recordedAt,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId ?? null,
        actor: metadata.actor,
        data: event.data,
      };
      if (metadata.trace) entry.trace = metadata.trace;
      recorded.push(entry);
    }

    const revision = current + events.length;
    const staged: StagedAppend = { result: { streamId, revision, events: recorded }, rows, hashes };
    if (commandKey) {
      staged.commandKey = {
        key: commandKey.key,
        requestHash: commandKey.requestHash,
        streamId,
        revision,
        eventIds: events.map((e) => e.eventId),
        recordedAt: this.recordedAt,
      };
    }
    return staged;
  }

  /** Makes a written append visible to the appends after it in the batch. */
  accept(staged: StagedAppend): void {
    const { streamId, revision, events } = staged.result;
    if (events.length > 0) {
      this.revisions.set(streamId, revision);
      this.head = events[events.length - 1].position;
      if (this.chainHere) this.lastHash = staged.hashes[staged.hashes.length - 1];
    }
    if (staged.commandKey) this.commandKeys.set(staged.commandKey.key, staged.commandKey);
  }

  private assertNewCommandKey(commandKey: CommandKey): void {
    const previous = this.commandKeys.get(commandKey.key) ?? this.committed.commandKey(commandKey.key);
    if (!previous) return;
    if (previous.requestHash !== commandKey.requestHash) throw new IdempotencyKeyReuseError(commandKey.key);
    throw new DuplicateCommandError(previous);
  }
}
