import type { EventStore, ReadModelStore } from '@aftersales/kernel';

/**
 * Highest heap and RSS seen at the sampling points. A rebuild runs without yielding to timers, so instead of
 * an interval we sample where memory peaks: after each batch is read and just before each batch is committed.
 * The process-wide RSS peak comes from the kernel (`resourceUsage().maxRSS`), which misses nothing.
 */
export class MemoryHighWater {
  heapUsed = 0;
  rss = 0;

  sample(): void {
    const { heapUsed, rss } = process.memoryUsage();
    if (heapUsed > this.heapUsed) this.heapUsed = heapUsed;
    if (rss > this.rss) this.rss = rss;
  }

  /** Peak resident set size of this process since it started, in bytes. */
  static processPeakRss(): number {
    return process.resourceUsage().maxRSS * 1024;
  }
}

/** The same store, sampling memory after every `readAll`. */
export function sampledEventStore(store: EventStore, highWater: MemoryHighWater): EventStore {
  return withHook(store, 'readAll', (result) => {
    highWater.sample();
    return result;
  });
}

/** The same store, sampling memory before every `commit`. */
export function sampledReadModels(store: ReadModelStore, highWater: MemoryHighWater): ReadModelStore {
  return withHook(store, 'commit', undefined, () => highWater.sample());
}

function withHook<T extends object>(target: T, method: keyof T, after?: (result: unknown) => unknown, before?: () => void): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      if (property !== method) return value.bind(object);
      return async (...args: unknown[]) => {
        before?.();
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
        return after ? after(result) : result;
      };
    },
  });
}
