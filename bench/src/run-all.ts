/**
 * `pnpm bench`: every figure of issue 10 measured in one run on this machine, beside its baseline and its target.
 * Exits 1 when a target is missed (and says which).
 *
 * The code measured is the built checkout at BENCH_TARGET (default: this one): the platform runs as a child process
 * (`node <target>/apps/platform/dist/main.js`) loaded over HTTP by autocannon from this process, and the scenarios
 * that call internal APIs run as child processes loading <target>'s packages (target/target-resolution.ts).
 *
 *   BENCH_QUICK=1         shorter rounds, fewer notes and payouts, no 1 000 000-event rebuild
 *   BENCH_ONLY=a,b        only these sections: write, http, rebuild, payouts, large, audit, workqueue, reviews, mongo
 *                         (needs AFTERSALES_MONGO_URL, else it says it skipped), production (mongo, then the
 *                         HTTP command path with tracing on vs off, exporting to JAEGER_OTLP_ENDPOINT or a dropping sink)
 *   BENCH_TARGET=<root>   measure another built checkout (its `pnpm build` done)
 *   BENCH_TARGETS=old=<root>,new=<root>
 *                         measure several checkouts in one run: each section runs once per checkout, alternating
 *                         which goes first; rows are prefixed with the label; the exit code judges the last one only
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { basename, resolve } from 'node:path';
import { runAudit } from './sections/audit-section';
import { runHttp } from './sections/http-section';
import { runLargeOrder } from './sections/large-order-section';
import { runMongo } from './sections/mongo-section';
import { runProduction } from './sections/production-section';
import { runPayouts } from './sections/payouts-section';
import { runRebuild } from './sections/rebuild-section';
import { runReviews } from './sections/reviews-section';
import { runWorkQueue } from './sections/work-queue-section';
import { runWrites } from './sections/write-section';
import type { Section } from './sections/section';
import { renderTable, type SummaryRow } from './support/summary-table';
import { benchTarget } from './target/target-root';

const quick = process.env.BENCH_QUICK === '1';
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const sections: { name: string; title: string; run: Section }[] = [
  { name: 'write', title: 'store and command path (in a child process)', run: runWrites },
  { name: 'http', title: 'HTTP beside a bare NestJS app, bytes written per note', run: runHttp },
  { name: 'rebuild', title: 'rebuild vs raw scan (child processes)', run: runRebuild },
  { name: 'payouts', title: 'payouts', run: runPayouts },
  { name: 'large', title: 'one order with many notes', run: runLargeOrder },
  { name: 'audit', title: 'audit verify (child process)', run: runAudit },
  { name: 'workqueue', title: 'work queue rebuild (issue 12)', run: runWorkQueue },
  { name: 'mongo', title: 'rebuild into MongoDB read models (issue 14)', run: runMongo },
  { name: 'production', title: 'issue 14: rebuild into MongoDB vs SQLite, POST note with tracing on vs off', run: runProduction },
  { name: 'reviews', title: 'reviews through HTTP with moderation, shop ratings rebuild (issue 13)', run: runReviews },
];

interface Target {
  label: string;
  root: string;
}

function targetsFromEnv(): Target[] {
  const listed = (process.env.BENCH_TARGETS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (listed.length === 0) return [{ label: '', root: benchTarget() }];
  return listed.map((entry) => {
    const [label, root] = entry.includes('=') ? (entry.split('=', 2) as [string, string]) : [basename(entry), entry];
    return { label, root: resolve(root) };
  });
}

function describeTarget(target: Target): string {
  try {
    const commit = execFileSync('git', ['-C', target.root, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', target.root, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return `${target.root} at ${commit.slice(0, 80)}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return target.root;
  }
}

const failedRow = (figure: string): SummaryRow => ({ figure, measured: 'error', baseline: '', ratio: '', target: '', vsTarget: '', verdict: 'FAIL' });

async function main(): Promise<void> {
  const started = performance.now();
  const targets = targetsFromEnv();
  console.log(`aftersales bench — node ${process.version}, ${cpus().length} CPU(s)${quick ? ', QUICK mode' : ''}${only.size > 0 ? `; sections: ${[...only].join(', ')}` : ''}`);
  for (const target of targets) console.log(`target${target.label ? ` ${target.label}` : ''}: ${describeTarget(target)}`);
  console.log('');
  const rows: SummaryRow[] = [];
  const errors: string[] = [];
  let judged: SummaryRow[] = [];
  const selected = sections.filter((section) => only.size === 0 || only.has(section.name));
  for (const [index, section] of selected.entries()) {
    for (const target of index % 2 === 0 ? targets : [...targets].reverse()) {
      process.env.BENCH_TARGET = target.root;
      const prefix = target.label ? `[${target.label}] ` : '';
      const sectionStarted = performance.now();
      console.log(`== ${prefix}${section.name}: ${section.title}`);
      let sectionRows: SummaryRow[];
      try {
        const outcome = await section.run({ quick, log: (line) => console.log(line) });
        sectionRows = outcome.rows;
        errors.push(...outcome.problems.map((problem) => `${prefix}${problem}`));
      } catch (error) {
        errors.push(`${prefix}${section.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        sectionRows = [failedRow(`${section.name}: failed`)];
      }
      const labelled = sectionRows.map((row) => ({ ...row, figure: `${prefix}${row.figure}` }));
      rows.push(...labelled);
      if (target === targets[targets.length - 1]) judged = [...judged, ...labelled];
      console.log(`   (${((performance.now() - sectionStarted) / 1000).toFixed(0)} s)\n`);
    }
  }
  console.log(`Summary (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  console.log(renderTable(targets.length > 1 ? sortByFigure(rows, targets) : rows));
  for (const problem of errors) console.log(`ERROR: ${problem}`);
  const missed = judged.filter((r) => r.verdict === 'FAIL');
  for (const row of missed) console.log(`TARGET MISSED: ${row.figure} — measured ${row.measured}, target ${row.target || 'not reached'}`);
  if (missed.length === 0 && errors.length === 0) console.log('\nAll targets met.');
  process.exitCode = missed.length > 0 || errors.length > 0 ? 1 : 0;
}

/** Each figure's rows side by side, in the order the targets were listed. */
function sortByFigure(rows: SummaryRow[], targets: Target[]): SummaryRow[] {
  // Figures are numbered ("5b. …"); their text may differ between targets (sizes, counts), their number does not.
  const figureOf = (row: SummaryRow): string => {
    const text = row.figure.replace(/^\[[^\]]*\] /, '');
    return /^\d+[a-z]?\./.exec(text)?.[0] ?? text;
  };
  const labelIndex = (row: SummaryRow): number => targets.findIndex((t) => row.figure.startsWith(`[${t.label}] `));
  const firstSeen = new Map<string, number>();
  rows.forEach((row, index) => {
    if (!firstSeen.has(figureOf(row))) firstSeen.set(figureOf(row), index);
  });
  return [...rows].sort((a, b) => (firstSeen.get(figureOf(a)) as number) - (firstSeen.get(figureOf(b)) as number) || labelIndex(a) - labelIndex(b));
}

void main();
