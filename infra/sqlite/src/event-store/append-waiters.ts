interface Waiter {
  afterPosition: number;
  release(): void;
}

/** Subscribers parked until the head passes their position; released right after a commit, no polling. */
export class AppendWaiters {
  private readonly waiting = new Set<Waiter>();

  /** Resolves when `release(head)` is called with a head past `afterPosition`, or when the signal aborts. */
  wait(afterPosition: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        afterPosition,
        release: () => {
          this.waiting.delete(waiter);
          signal?.removeEventListener('abort', waiter.release);
          resolve();
        },
      };
      this.waiting.add(waiter);
      signal?.addEventListener('abort', waiter.release, { once: true });
    });
  }

  release(head: number): void {
    for (const waiter of this.waiting) if (head > waiter.afterPosition) waiter.release();
  }

  releaseAll(): void {
    for (const waiter of this.waiting) waiter.release();
  }
}
