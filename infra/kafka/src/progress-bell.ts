/** Rung whenever a consumer commits or fails, so drain() re-checks when something changed instead of polling. */
export class ProgressBell {
  private waiters: Array<() => void> = [];

  /** Resolves true when rung, false when `timeoutMs` passed first. */
  next(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(wake);
    });
  }

  ring(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
