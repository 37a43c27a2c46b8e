/**
 * In-process wake-up for consumers: publish() rings the topic's bell after its transaction commits,
 * so idle partition loops wake at once instead of polling.
 */
export class PublishSignal {
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Resolves on the next publish to one of `topics`, after `fallbackMs` (another process may write the file), or on abort. */
  wait(topics: readonly string[], fallbackMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        for (const topic of topics) this.waiters.get(topic)?.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, fallbackMs);
      timer.unref();
      if (signal.aborted) return wake();
      signal.addEventListener('abort', wake, { once: true });
      for (const topic of topics) {
        let set = this.waiters.get(topic);
        if (!set) this.waiters.set(topic, (set = new Set()));
        set.add(wake);
      }
    });
  }

  notify(topic: string): void {
    const set = this.waiters.get(topic);
    if (!set) return;
    for (const wake of [...set]) wake();
  }
}
