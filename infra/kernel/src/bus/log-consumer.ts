import type { RecordedEvent } from '../ports/event-store';
import type { BusMessage, ConsumerHandle, MessageHandler } from '../ports/message-bus';
import type { EventStore } from '../ports/event-store';
import { backoffDelay, ConsumerStuckError, describeError, type BusLogger, type RetryPolicy } from './consumer-support';
import type { GroupOffsetStore } from './group-offsets';
import { laneOfKey } from './lane-of-key';
import type { LogRouting } from './log-routing';
import type { SharedLogReads } from './shared-log-reads';

export interface LogConsumerOptions {
  groupId: string;
  topics: readonly string[];
  handler: MessageHandler;
  /** Events of the topics the group does not react to (see SubscribeOptions): skipped like those of other topics. */
  accepts?(topic: string, eventType: string): boolean;
  log: EventStore;
  offsets: GroupOffsetStore;
  routing: LogRouting;
  /** Reads shared by the groups of the bus (see SharedLogReads). */
  reads: Pick<SharedLogReads, 'readAll' | 'messageOf' | 'envelopeOf'>;
  lanes: number;
  batchSize: number;
  /** Deliveries read ahead of the oldest unfinished one, at most; the reader waits beyond. */
  maxOutstanding: number;
  /** How long handled deliveries wait for others to share their commit (0: the next loop turn). */
  commitDelayMs: number;
  /** Commit even without a delivery once the group has skipped this many events of other topics. */
  skipCommitInterval: number;
  /** Makes the handlers' effects durable before a position past them is committed (see LogMessageBusOptions). */
  beforeCommit?: () => Promise<void>;
  retry: RetryPolicy;
  logger: BusLogger;
  /** Events of the topics after the given positions: the lag. */
  countBehind(positions: ReadonlyMap<string, number>): Promise<number>;
  onStopped(): void;
}

interface Delivery {
  message: BusMessage;
  done: boolean;
}

interface Failure {
  topic: string;
  offset: number;
  attempts: number;
  error: unknown;
}

/** One lane: the deliveries of its keys, handled one at a time in log order. */
interface Lane {
  index: number;
  queue: Delivery[];
  running: boolean;
  failure: Failure | undefined;
  failures: number;
}

/**
 * A group's subscription on the log bus. A reader follows the log from the group's position (woken by appends, no
 * polling) and hands each event of the subscribed topics to the lane of its key; lanes run concurrently, each one
 * message at a time, so one key's messages are handled in log order. The group's position is the log position below
 * which everything is handled (a watermark); it is committed `commitDelayMs` after it moved (one write for every
 * delivery finished meanwhile), so a restart redelivers at most what was in flight or handled in that time
 * (at-least-once; consumers dedupe by event id). drain() and stop() commit at once.
 */
export class LogConsumer implements ConsumerHandle {
  private readonly abort = new AbortController();
  private readonly progress = new ProgressBell();
  private readonly topicStart: Map<string, number>;
  private readonly lanes: Lane[];
  private readonly laneRuns = new Set<Promise<void>>();
  private readonly reading: Promise<void>;
  /** Deliveries in log order from `oldest`; those before it are done. */
  private outstanding: Delivery[] = [];
  private oldest = 0;
  private readPosition: number;
  /** Every event up to here is handled or not for this group. */
  private handledUpTo: number;
  private committedUpTo: number;
  private handledSinceCommit = false;
  private commitScheduled = false;
  private readerFailure: Failure | undefined;
  private readerFailures = 0;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: LogConsumerOptions) {
    this.topicStart = new Map(options.topics.map((topic) => [topic, options.offsets.position(options.groupId, topic) ?? 0]));
    this.readPosition = Math.min(...this.topicStart.values());
    this.handledUpTo = this.readPosition;
    this.committedUpTo = this.readPosition;
    this.lanes = Array.from({ length: options.lanes }, (_, index) => ({ index, queue: [], running: false, failure: undefined, failures: 0 }));
    this.reading = this.read();
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** Where the group stands on each of its topics, counting what it handled and has not committed yet. */
  positions(): Map<string, number> {
    return new Map([...this.topicStart].map(([topic, start]) => [topic, Math.max(start, this.handledUpTo)]));
  }

  async drain(): Promise<void> {
    const target = await this.options.log.headPosition();
    const failuresAtStart = this.lanes.map((lane) => lane.failures);
    const readerFailuresAtStart = this.readerFailures;
    const { drainFailsAfterAttempts } = this.options.retry;
    for (;;) {
      if (this.abort.signal.aborted) throw new Error(`consumer of group '${this.groupId}' stopped before draining`);
      if (this.handledUpTo >= target) {
        await this.commit();
        return;
      }
      const stuck = this.lanes.find(
        (lane, i) => lane.queue.length > 0 && lane.failures > failuresAtStart[i] && (lane.failure?.attempts ?? 0) >= drainFailsAfterAttempts,
      );
      if (stuck?.failure) {
        const { topic, offset, attempts, error } = stuck.failure;
        throw new ConsumerStuckError(this.groupId, topic, stuck.index, offset, attempts, error);
      }
      if (this.readerFailure && this.readerFailures > readerFailuresAtStart && this.readerFailure.attempts >= drainFailsAfterAttempts) {
        const { topic, offset, attempts, error } = this.readerFailure;
        throw new ConsumerStuckError(this.groupId, topic, -1, offset, attempts, error);
      }
      await this.progress.next();
    }
  }

  lag(): Promise<number> {
    return this.options.countBehind(this.positions());
  }

  /** Lets in-flight handlers finish, commits what is handled, then ends the reader and the lanes. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.abort.abort();
      this.progress.ring();
      await this.reading;
      while (this.laneRuns.size > 0) await Promise.allSettled([...this.laneRuns]);
      await this.commit();
      this.options.onStopped();
    })();
    return this.stopping;
  }

  private async read(): Promise<void> {
    const { log, reads, batchSize, maxOutstanding } = this.options;
    const stop = this.abort.signal;
    while (!stop.aborted) {
      try {
        if (this.outstanding.length - this.oldest >= maxOutstanding) {
          await this.progress.next();
          continue;
        }
        const events = await reads.readAll(this.readPosition, batchSize);
        if (events.length === 0) {
          await log.waitForAppend(this.readPosition, stop);
          continue;
        }
        for (const event of events) {
          this.accept(event);
          this.readPosition = event.position;
        }
        this.readerFailure = undefined;
        this.advance();
      } catch (error) {
        if (stop.aborted) break;
        const attempts = (this.readerFailure?.attempts ?? 0) + 1;
        this.readerFailure = { topic: '(log)', offset: this.readPosition + 1, attempts, error };
        this.readerFailures += 1;
        this.progress.ring();
        this.options.logger.error(`log bus: group '${this.groupId}' cannot read the log after ${this.readPosition}: ${describeError(error)}`);
        await sleep(backoffDelay(this.options.retry, attempts), stop);
      }
    }
  }

  private accept(event: RecordedEvent): void {
    const topic = this.options.routing.topicOf(event);
    const start = this.topicStart.get(topic);
    if (start === undefined || event.position <= start) return;
    if (this.options.accepts && !this.options.accepts(topic, event.type)) return;
    const outgoing = this.options.reads.messageOf(event);
    const { key, headers } = outgoing;
    const lane = this.lanes[laneOfKey(key, this.lanes.length)];
    const timestamp = Date.parse(event.recordedAt);
    const message = { topic, partition: lane.index, offset: event.position, key, headers } as BusMessage;
    // The text only if a handler reads it: groups of this bus mostly take the envelope decoded once for all of them.
    Object.defineProperty(message, 'value', { enumerable: true, configurable: true, get: () => outgoing.value });
    const envelope = this.options.reads.envelopeOf(event);
    if (envelope) message.envelope = envelope;
    if (!Number.isNaN(timestamp)) message.timestamp = timestamp;
    const delivery: Delivery = { message, done: false };
    this.outstanding.push(delivery);
    lane.queue.push(delivery);
    if (!lane.running) this.runLane(lane);
  }

  private runLane(lane: Lane): void {
    lane.running = true;
    const run = (async () => {
      while (lane.queue.length > 0 && !this.abort.signal.aborted) {
        const delivery = lane.queue[0];
        if (!(await this.deliver(lane, delivery.message))) break;
        lane.queue.shift();
        delivery.done = true;
        this.handledSinceCommit = true;
        this.advance();
      }
      lane.running = false;
    })();
    this.laneRuns.add(run);
    void run.finally(() => this.laneRuns.delete(run));
  }

  /** True once the handler succeeded; false when the consumer stopped while the message was still failing. */
  private async deliver(lane: Lane, message: BusMessage): Promise<boolean> {
    const { retry, logger, handler } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(message);
        lane.failure = undefined;
        return true;
      } catch (error) {
        lane.failure = { topic: message.topic, offset: message.offset, attempts: attempt, error };
        lane.failures += 1;
        this.progress.ring();
        const delay = backoffDelay(retry, attempt);
        const text =
          `log bus: group '${this.groupId}' failed on ${message.topic}@${message.offset} (lane ${lane.index}, attempt ${attempt}); ` +
          `redelivering in ${delay} ms: ${describeError(error)}`;
        if (attempt >= retry.drainFailsAfterAttempts) logger.error(text);
        else logger.warn(text);
        await sleep(delay, this.abort.signal);
        if (this.abort.signal.aborted) return false;
      }
    }
  }

  /** Moves the watermark past the deliveries done in log order, and schedules a commit when it moved. */
  private advance(): void {
    while (this.oldest < this.outstanding.length && this.outstanding[this.oldest].done) this.oldest++;
    if (this.oldest > 1024 && this.oldest * 2 > this.outstanding.length) {
      this.outstanding = this.outstanding.slice(this.oldest);
      this.oldest = 0;
    }
    const pending = this.outstanding[this.oldest];
    this.handledUpTo = pending ? pending.message.offset - 1 : this.readPosition;
    this.progress.ring();
    const worthCommitting = this.handledSinceCommit || this.handledUpTo - this.committedUpTo >= this.options.skipCommitInterval;
    if (worthCommitting && this.handledUpTo > this.committedUpTo && !this.commitScheduled) {
      this.commitScheduled = true;
      // One commit for every delivery that finishes meanwhile; drain() and stop() commit at once.
      const commitNow = (): void => {
        this.commitScheduled = false;
        void this.commit();
      };
      if (this.options.commitDelayMs > 0) setTimeout(commitNow, this.options.commitDelayMs).unref();
      else setImmediate(commitNow);
    }
  }

  /** Never throws: a failed commit is logged, and the next one covers its positions. */
  private async commit(): Promise<void> {
    if (this.handledUpTo <= this.committedUpTo) return;
    const upTo = this.handledUpTo;
    const positions = [...this.positions()].map(([topic, position]) => ({ topic, position }));
    this.handledSinceCommit = false;
    try {
      if (this.options.beforeCommit) await this.options.beforeCommit();
      if (upTo <= this.committedUpTo) return; // a later commit got there first
      this.options.offsets.commit(this.groupId, positions);
      this.committedUpTo = upTo;
    } catch (error) {
      this.handledSinceCommit = true;
      this.options.logger.error(`log bus: group '${this.groupId}' could not commit its position ${upTo}: ${describeError(error)}`);
    }
  }
}

/** Rung whenever the watermark moves or a delivery fails, so drain() and a waiting reader re-check only then. */
class ProgressBell {
  private waiters: Array<() => void> = [];

  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  ring(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
