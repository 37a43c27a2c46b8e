import { resolve } from 'node:path';

/** The repository root whose built code is measured: BENCH_TARGET, or the checkout this harness belongs to. */
export function benchTarget(): string {
  return resolve(process.env.BENCH_TARGET ?? resolve(__dirname, '..', '..', '..'));
}
