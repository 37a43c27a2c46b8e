/** Where a concurrent batch is committed: streamed to the writer thread, or on the event loop's own connection. */
export type CommitMode = 'thread' | 'inline';

/** A commit on the writer thread pays off whatever else when the event loop had this much other work meanwhile. */
const BUSY_LOOP_UTILISATION = 0.3;
/** Idle-loop commits on the thread before its rate is judged. */
const PROBE_COMMITS = 3;
/** How long the mode that committed more events per ms keeps going before the other is measured again, and how long that probe lasts. */
const WINNER_FOR_MS = 1_000;
const INLINE_PROBE_MS = 150;
/** Inline while nothing says the thread does better. */
const INLINE_FOR_MS = 500;

/**
 * Chooses between the two ways of committing a concurrent batch by what each achieves here. The thread lets the event
 * loop serve requests meanwhile and overlaps the writing of a batch with the commands still staging it; inline saves
 * the hops between threads, which costs most when the cores are crowded. When the loop is busy during the thread's
 * commits (requests to serve), the thread is kept. When it mostly waits (every caller waits for its commit, as in a
 * closed loop of commands), the two are measured in turn, in events committed per ms, and the faster one runs longer.
 */
export class CommitModeChooser {
  private mode: CommitMode = 'thread';
  private until = 0;
  private periodStart = 0;
  private events = 0;
  private idleCommits = 0;
  private readonly rates: Record<CommitMode, number | undefined> = { thread: undefined, inline: undefined };

  /** The mode for a batch flushed at `now` (ms, monotonic). */
  modeAt(now: number): CommitMode {
    if (this.mode === 'inline' && now >= this.until) {
      if (this.events > 0 && now > this.periodStart) this.rates.inline = this.events / (now - this.periodStart);
      this.enter('thread', now);
    }
    return this.mode;
  }

  /** A batch of `events` committed in `mode`; for the thread, with the event loop's utilisation while it waited. */
  committed(mode: CommitMode, events: number, now: number, loopUtilisation = 0): void {
    if (mode !== this.mode) return;
    this.events += events;
    if (mode === 'inline') return;
    if (loopUtilisation >= BUSY_LOOP_UTILISATION) {
      this.idleCommits = 0;
      return;
    }
    if (++this.idleCommits < PROBE_COMMITS || now < this.until) return;
    if (now > this.periodStart) this.rates.thread = this.events / (now - this.periodStart);
    this.enter('inline', now);
  }

  private threadWins(): boolean {
    const { thread, inline } = this.rates;
    return thread !== undefined && (inline === undefined || thread >= inline);
  }

  private enter(mode: CommitMode, now: number): void {
    const threadWins = this.threadWins();
    this.mode = mode;
    this.periodStart = now;
    this.events = 0;
    this.idleCommits = 0;
    if (mode === 'thread') this.until = now + (threadWins ? WINNER_FOR_MS : 0);
    else this.until = now + (threadWins ? INLINE_PROBE_MS : INLINE_FOR_MS);
  }
}
