/**
 * CPU per note of built checkouts side by side, for A/B work on a shared machine where requests per second follow
 * whatever else runs: every checkout's platform runs at once, and rounds of notes at 16 connections alternate between
 * them (the order flips each round), so a change in the machine's load reaches all of them alike.
 *
 *   node bench/dist/http/notes-cpu.js old=/work/main new=.     (NOTES_CPU_ROUNDS, default 6; NOTES_CPU_NOTES, default 3000)
 *
 * Per round and checkout: CPU of the platform's main thread and of the whole process (utime + stime from /proc, over
 * the round and the settle after it, so work the round left behind counts too), per note.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { median } from '../support/statistics';
import { startPlatform, type ServerProcess } from '../target/server-process';
import { agentHeaders, noteBody, placePaidOrders, settle } from './api-client';
import { load, type LoadSpec } from './load';

interface Checkout {
  label: string;
  server: ServerProcess;
  spec: LoadSpec;
  mainThread: number[];
  process: number[];
}

/** utime + stime in µs of a process (`thread` undefined) or of one of its threads, from /proc (10 ms ticks). */
function cpuMicros(pid: number, thread?: number): number {
  const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function start(label: string, root: string): Promise<Checkout> {
  process.env.BENCH_TARGET = resolve(root); // read by startPlatform
  const server = await startPlatform();
  const orders = await placePaidOrders(server.url, 200, 16, 'notes');
  const spec: LoadSpec = {
    url: server.url,
    method: 'POST',
    connections: 16,
    seconds: 600,
    path: (n) => `/orders/${orders[n % orders.length]}/notes`,
    body: noteBody,
    headers: () => agentHeaders,
  };
  await load({ ...spec, amount: 2000 }); // warm-up
  await settle(server.url);
  return { label, server, spec, mainThread: [], process: [] };
}

async function round(checkout: Checkout, notes: number): Promise<string> {
  const { pid, url } = checkout.server;
  await settle(url);
  const before = { main: cpuMicros(pid, pid), all: cpuMicros(pid) };
  const result = await load({ ...checkout.spec, amount: notes });
  await settle(url);
  const ok = Math.max(1, result.requests - result.non2xx);
  const main = (cpuMicros(pid, pid) - before.main) / ok;
  const all = (cpuMicros(pid) - before.all) / ok;
  checkout.mainThread.push(main);
  checkout.process.push(all);
  const problems = result.non2xx + result.errors > 0 ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : '';
  return `${checkout.label}: main thread ${Math.round(main)} µs/note, process ${Math.round(all)} µs/note (${Math.round(result.requestsPerSecond)} req/s${problems})`;
}

async function main(): Promise<void> {
  const targets = process.argv.slice(2).map((arg) => arg.split('=') as [string, string]);
  if (targets.length === 0 || targets.some(([label, root]) => !label || !root)) throw new Error('usage: notes-cpu.js <label>=<checkout> …');
  const rounds = Number(process.env.NOTES_CPU_ROUNDS ?? 6);
  const notes = Number(process.env.NOTES_CPU_NOTES ?? 3000);
  const checkouts: Checkout[] = [];
  try {
    for (const [label, root] of targets) checkouts.push(await start(label, root));
    for (let r = 1; r <= rounds; r++) {
      for (const checkout of r % 2 === 1 ? checkouts : [...checkouts].reverse()) console.log(`round ${r} ${await round(checkout, notes)}`);
    }
    for (const c of checkouts) {
      console.log(`${c.label}: median main thread ${Math.round(median(c.mainThread))} µs/note, process ${Math.round(median(c.process))} µs/note`);
    }
  } finally {
    for (const checkout of checkouts) await checkout.server.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
