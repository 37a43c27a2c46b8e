/** Subscribers parked until the head passes their position; released by the append that passes it. */
export class AppendWaiters {
  private readonly waiting = new Set<{ afterPosition: number; release(): void }>();

  wait(afterPosition: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const waiter = {
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
