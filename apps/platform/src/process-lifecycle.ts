/** How the platform's entry points (main.ts, multi-process.ts) start and stop. */

export interface ShutdownOptions {
  /**
   * Ignore a second signal while closing. Otherwise it logs and closes again: a `close` that is idempotent then
   * resolves at once, so a second Ctrl-C exits without waiting.
   */
  ignoreRepeatedSignals?: boolean;
}

/** On SIGINT or SIGTERM: logs `<signal>: <what>`, runs `close` and exits 0 once it is done (1, logging why, if it fails). */
export function exitOnShutdownSignals(what: string, close: () => Promise<unknown>, options: ShutdownOptions = {}): void {
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown && options.ignoreRepeatedSignals) return;
    shuttingDown = true;
    console.log(`${signal}: ${what}`);
    close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** Runs an entry point's `main`; if it fails to start, logs why and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error('failed to start:', error);
    process.exit(1);
  });
}
