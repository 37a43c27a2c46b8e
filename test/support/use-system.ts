export type Scope = 'each' | 'all';

/**
 * Registers the hooks that start a fresh system before each test (`each`) or once for the describe block (`all`) and
 * dispose of it after. The handle it returns stands for whichever one is running, so a suite can keep it in a const.
 * `hookTimeoutMs`: how long a start or a stop may take (jest's test timeout when not given).
 */
export function useSystem<T extends object>(scope: Scope, start: () => Promise<T>, dispose: (running: T) => Promise<void>, hookTimeoutMs?: number): T {
  const slot = new SystemSlot<T>(dispose);
  (scope === 'each' ? beforeEach : beforeAll)(() => slot.start(start), hookTimeoutMs);
  (scope === 'each' ? afterEach : afterAll)(() => slot.stop(), hookTimeoutMs);
  return new Proxy({} as T, {
    get(_handle, key) {
      const current = slot.current;
      if (!current) throw new Error(`no system is running: use it inside a test (reading ${String(key)})`);
      return Reflect.get(current, key);
    },
  });
}

/**
 * The system of a suite's hooks. A start that outlives its hook's timeout finishes after jest has already run the stop
 * hook: that system is disposed of as soon as it is up, instead of being left running (its processes, ports and
 * consumer groups would outlive the suite and meet the next one).
 */
export class SystemSlot<T> {
  current: T | undefined;
  private starts = 0;
  private stoppedUpTo = 0;

  constructor(private readonly dispose: (running: T) => Promise<void>) {}

  async start(start: () => Promise<T>): Promise<void> {
    const mine = ++this.starts;
    const started = await start();
    if (this.stoppedUpTo >= mine) {
      await this.dispose(started);
      return;
    }
    this.current = started;
  }

  async stop(): Promise<void> {
    this.stoppedUpTo = this.starts;
    const running = this.current;
    this.current = undefined;
    if (running) await this.dispose(running);
  }
}
