/**
 * Child-process entry: `node run-in-target.js <module> <export> <options JSON>` loads `<module>` (relative to
 * bench/dist) with the packages of BENCH_TARGET, calls `<export>(options)` with a `log` that writes to stderr, and
 * prints `{ result, maxRssBytes }` as the last line of stdout.
 */
import './target-resolution';
import { join } from 'node:path';

async function main(): Promise<void> {
  const [modulePath, exportName, optionsJson] = process.argv.slice(2);
  const scenarios = (await import(join(__dirname, '..', modulePath))) as Record<string, (options: unknown) => Promise<unknown>>;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const result = await scenarios[exportName]({ ...(JSON.parse(optionsJson) as object), log });
  process.stdout.write(`\n${JSON.stringify({ result, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
