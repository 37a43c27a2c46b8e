import type { EventStore } from '../ports/event-store';

/**
 * Runs `work` whenever the log grows past `position()`, until stopped. Errors are reported and retried
 * after a pause, never swallowed silently.
 */
export class LiveLoop {
  private abort?: AbortController;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly position: () => Promise<number>,
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void = (error) => console.error('[live-loop]', error),
  ) {}

  start(): void {
    if (this.abort) return;
    const abort = new AbortController();
    this.abort = abort;
    this.done = (async () => {
      while (!abort.signal.aborted) {
        try {
          await this.work();
          await this.store.waitForAppend(await this.position(), abort.signal);
        } catch (error) {
          if (abort.signal.aborted) break;
          this.onError(error);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    this.abort = undefined;
    await this.done;
  }
}
