export type Scope = 'each' | 'all';

/**
 * Registers the hooks that start a fresh system before each test (`each`) or once for the describe block (`all`) and
 * dispose of it after. The handle it returns stands for whichever one is running, so a suite can keep it in a const.
 * `hookTimeoutMs`: how long a start or a stop may take (jest's test timeout when not given).
 */
export function useSystem<T extends object>(scope: Scope, start: () => Promise<T>, dispose: (running: T) => Promise<void>, hookTimeoutMs?: number): T {
  let current: T | undefined;
  (scope === 'each' ? beforeEach : beforeAll)(async () => {
    current = await start();
  }, hookTimeoutMs);
  (scope === 'each' ? afterEach : afterAll)(async () => {
    const running = current;
    current = undefined;
    if (running) await dispose(running);
  }, hookTimeoutMs);
  return new Proxy({} as T, {
    get(_handle, key) {
      if (!current) throw new Error(`no system is running: use it inside a test (reading ${String(key)})`);
      return Reflect.get(current, key);
    },
  });
}
