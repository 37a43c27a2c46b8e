import type { EventStore, ReadModelStore } from '@aftersales/kernel';

/**
 * Events read between two samples after `readAll`: as often as the raw scan samples. `process.memoryUsage()` costs
 * about 0.1 ms; sampled after every read batch (400 per 100 000 events) it was 3–4 % of a rebuild's time, which the
 * scan it is compared with did not pay.
 */
const EVENTS_PER_SAMPLE = 20_000;

/**
 * Highest heap and RSS seen at the sampling points. A rebuild runs without yielding to timers, so instead of
 * an interval we sample where memory peaks: every EVENTS_PER_SAMPLE events read and just before each batch is
 * committed. The process-wide RSS peak comes from the kernel (`resourceUsage().maxRSS`), which misses nothing.
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

/** The same store, sampling memory after a `readAll` (or `readAllPayloads`) once EVENTS_PER_SAMPLE events were read since the last sample. */
export function sampledEventStore(store: EventStore, highWater: MemoryHighWater): EventStore {
  let unsampled = 0;
  const afterRead = (result: unknown) => {
    unsampled += (result as unknown[]).length;
    if (unsampled >= EVENTS_PER_SAMPLE) {
      unsampled = 0;
      highWater.sample();
    }
    return result;
  };
  return withHook(withHook(store, 'readAll', afterRead), 'readAllPayloads', afterRead);
}

/** The same store, sampling memory before every `commit`. */
export function sampledReadModels(store: ReadModelStore, highWater: MemoryHighWater): ReadModelStore {
  return withHook(store, 'commit', undefined, () => highWater.sample());
}

/** A proxy whose methods are bound once (not on every call: the runner reads a document per event through it). */
function withHook<T extends object>(target: T, method: keyof T, after?: (result: unknown) => unknown, before?: () => void): T {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      let hooked = bound.get(property);
      if (hooked === undefined) {
        hooked =
          property !== method
            ? value.bind(object)
            : async (...args: unknown[]) => {
                before?.();
                const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
                return after ? after(result) : result;
              };
        bound.set(property, hooked);
      }
      return hooked;
    },
  });
}
