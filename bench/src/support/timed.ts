/** How much work a measurement did and how long it took. */
export interface Sample {
  /** Operations counted (transactions, commands or events, as the measurement defines). */
  count: number;
  ms: number;
}

/** Repeats a synchronous unit of work (returning how many operations it did) for `durationMs`. */
export function repeatFor(durationMs: number, unit: () => number): Sample {
  const started = performance.now();
  const deadline = started + durationMs;
  let count = 0;
  let now = started;
  while (now < deadline) {
    count += unit();
    now = performance.now();
  }
  return { count, ms: now - started };
}

/**
 * Runs `workers` asynchronous loops side by side for `durationMs`; each keeps one unit in flight and starts
 * the next as soon as the previous resolves, so `workers` units are in flight at all times.
 */
export async function repeatConcurrentlyFor(
  durationMs: number,
  workers: number,
  unit: (worker: number, iteration: number) => Promise<number>,
): Promise<Sample> {
  const started = performance.now();
  const deadline = started + durationMs;
  let count = 0;
  const loop = async (worker: number): Promise<void> => {
    for (let iteration = 0; performance.now() < deadline; iteration++) {
      // Not `count += await …`: that reads `count` before the await and would lose the other workers' updates.
      const done = await unit(worker, iteration);
      count += done;
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker)));
  return { count, ms: performance.now() - started };
}
