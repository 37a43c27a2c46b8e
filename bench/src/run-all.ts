/**
 * `pnpm bench`: every figure of issue 10 measured in one run on this machine, beside its baseline and its target.
 * Exits 1 when a target is missed (and says which).
 *
 * The code measured is the built checkout at BENCH_TARGET (default: this one): the platform runs as a child process
 * (`node <target>/apps/platform/dist/main.js`) loaded over HTTP by autocannon from this process, and the scenarios
 * that call internal APIs run as child processes loading <target>'s packages (target/target-resolution.ts).
 *
 *   BENCH_QUICK=1         shorter rounds, fewer notes and payouts, no 1 000 000-event rebuild
 *   BENCH_ONLY=a,b        only these sections: write, http, large, rebuild, payouts, audit
 *   BENCH_TARGET=<root>   measure another built checkout (its `pnpm build` done)
 */
import { cpus } from 'node:os';
import { runAudit } from './sections/audit-section';
import { runHttp } from './sections/http-section';
import { runLargeOrder } from './sections/large-order-section';
import { runPayouts } from './sections/payouts-section';
import { runRebuild } from './sections/rebuild-section';
import { runWrites } from './sections/write-section';
import type { Section } from './sections/section';
import { renderTable, type SummaryRow } from './support/summary-table';
import { benchTarget } from './target/target-root';

const quick = process.env.BENCH_QUICK === '1';
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const sections: { name: string; title: string; run: Section }[] = [
  { name: 'write', title: 'store and command path (in a child process)', run: runWrites },
  { name: 'http', title: 'HTTP beside a bare NestJS app, bytes written per note', run: runHttp },
  { name: 'large', title: 'one order with many notes', run: runLargeOrder },
  { name: 'rebuild', title: 'rebuild vs raw scan (child processes)', run: runRebuild },
  { name: 'payouts', title: 'payouts', run: runPayouts },
  { name: 'audit', title: 'audit verify (child process)', run: runAudit },
];

const failedRow = (figure: string): SummaryRow => ({ figure, measured: 'error', baseline: '', ratio: '', target: '', vsTarget: '', verdict: 'FAIL' });

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`aftersales bench — node ${process.version}, ${cpus().length} CPU(s)${quick ? ', QUICK mode' : ''}`);
  console.log(`target: ${benchTarget()}${only.size > 0 ? `; sections: ${[...only].join(', ')}` : ''}\n`);
  const rows: SummaryRow[] = [];
  const errors: string[] = [];
  for (const section of sections) {
    if (only.size > 0 && !only.has(section.name)) continue;
    const sectionStarted = performance.now();
    console.log(`== ${section.name}: ${section.title}`);
    try {
      const outcome = await section.run({ quick, log: (line) => console.log(line) });
      rows.push(...outcome.rows);
      errors.push(...outcome.problems);
    } catch (error) {
      errors.push(`${section.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      rows.push(failedRow(`${section.name}: failed`));
    }
    console.log(`   (${((performance.now() - sectionStarted) / 1000).toFixed(0)} s)\n`);
  }
  console.log(`Summary (${((performance.now() - started) / 1000).toFixed(0)} s, target ${benchTarget()})\n`);
  console.log(renderTable(rows));
  for (const problem of errors) console.log(`ERROR: ${problem}`);
  const missed = rows.filter((r) => r.verdict === 'FAIL');
  for (const row of missed) console.log(`TARGET MISSED: ${row.figure} — measured ${row.measured}, target ${row.target || 'not reached'}`);
  if (missed.length === 0 && errors.length === 0) console.log('\nAll targets met.');
  process.exitCode = missed.length > 0 || errors.length > 0 ? 1 : 0;
}

void main();
