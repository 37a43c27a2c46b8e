/**
 * CPU and bytes written per command of built checkouts side by side, for A/B work on a shared machine where requests
 * per second follow whatever else runs: every checkout's platform runs at once, and rounds of commands at 16
 * connections alternate between them (the order flips each round), so a change in the machine's load reaches all of
 * them alike.
 *
 *   node bench/dist/http/command-cpu.js old=/work/main new=.
 *     COMMAND_CPU_SCENARIO: notes (POST /orders/{id}/notes over 200 paid orders, the default) or placement
 *       (POST /orders, a unique idempotency key each); COMMAND_CPU_ROUNDS, default 6; COMMAND_CPU_COMMANDS, default 3000
 *
 * Per round and checkout: CPU of the platform's main thread and of the whole process (utime + stime from /proc, over
 * the round and the settle after it, so work the round left behind counts too), per command; bytes the process wrote
 * per command (wchar less the responses the client read, and write_bytes to storage), from /proc/<pid>/io.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { median } from '../support/statistics';
import { ioCounters, startPlatform, type ServerProcess } from '../target/server-process';
import { agentHeaders, buyerHeaders, noteBody, placeOrderBody, placePaidOrders, settle } from './api-client';
import { load, type LoadSpec } from './load';

type Scenario = 'notes' | 'placement';

interface Checkout {
  label: string;
  server: ServerProcess;
  spec: LoadSpec;
  mainThread: number[];
  process: number[];
  wchar: number[];
  storage: number[];
}

/** utime + stime in µs of a process (`thread` undefined) or of one of its threads, from /proc (10 ms ticks). */
function cpuMicros(pid: number, thread?: number): number {
  const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function loadSpec(scenario: Scenario, label: string, url: string): Promise<LoadSpec> {
  const base = { url, method: 'POST' as const, connections: 16, seconds: 600 };
  if (scenario === 'placement') {
    let placed = 0;
    return {
      ...base,
      path: () => '/orders',
      body: () => JSON.stringify(placeOrderBody()),
      headers: () => ({ ...buyerHeaders, 'idempotency-key': `cpu-place-${label}-${Date.now()}-${placed++}` }),
    };
  }
  const orders = await placePaidOrders(url, 200, 16, 'notes');
  return { ...base, path: (n) => `/orders/${orders[n % orders.length]}/notes`, body: noteBody, headers: () => agentHeaders };
}

async function start(scenario: Scenario, label: string, root: string): Promise<Checkout> {
  process.env.BENCH_TARGET = resolve(root); // read by startPlatform
  const server = await startPlatform();
  const spec = await loadSpec(scenario, label, server.url);
  await load({ ...spec, amount: 2000 }); // warm-up
  await settle(server.url);
  return { label, server, spec, mainThread: [], process: [], wchar: [], storage: [] };
}

async function round(checkout: Checkout, commands: number): Promise<string> {
  const { pid, url } = checkout.server;
  await settle(url);
  const before = { main: cpuMicros(pid, pid), all: cpuMicros(pid), io: ioCounters(pid) };
  const result = await load({ ...checkout.spec, amount: commands });
  await settle(url);
  const io = ioCounters(pid);
  const ok = Math.max(1, result.requests - result.non2xx);
  const main = (cpuMicros(pid, pid) - before.main) / ok;
  const all = (cpuMicros(pid) - before.all) / ok;
  const wchar = (io.wchar - before.io.wchar - result.responseBytes) / ok;
  const storage = (io.writeBytes - before.io.writeBytes) / ok;
  checkout.mainThread.push(main);
  checkout.process.push(all);
  checkout.wchar.push(wchar);
  checkout.storage.push(storage);
  const problems = result.non2xx + result.errors > 0 ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : '';
  return (
    `${checkout.label}: main thread ${Math.round(main)} µs, process ${Math.round(all)} µs, ` +
    `written ${Math.round(wchar)} B (${Math.round(storage)} B to storage) per command (${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms} ms${problems})`
  );
}

async function main(): Promise<void> {
  const targets = process.argv.slice(2).map((arg) => arg.split('=') as [string, string]);
  if (targets.length === 0 || targets.some(([label, root]) => !label || !root)) throw new Error('usage: command-cpu.js <label>=<checkout> …');
  const scenario = (process.env.COMMAND_CPU_SCENARIO ?? 'notes') as Scenario;
  if (scenario !== 'notes' && scenario !== 'placement') throw new Error(`COMMAND_CPU_SCENARIO: notes or placement, not ${String(scenario)}`);
  const rounds = Number(process.env.COMMAND_CPU_ROUNDS ?? 6);
  const commands = Number(process.env.COMMAND_CPU_COMMANDS ?? 3000);
  const checkouts: Checkout[] = [];
  try {
    for (const [label, root] of targets) checkouts.push(await start(scenario, label, root));
    for (let r = 1; r <= rounds; r++) {
      for (const checkout of r % 2 === 1 ? checkouts : [...checkouts].reverse()) console.log(`${scenario} round ${r} ${await round(checkout, commands)}`);
    }
    for (const c of checkouts) {
      console.log(
        `${scenario} ${c.label}: median main thread ${Math.round(median(c.mainThread))} µs, process ${Math.round(median(c.process))} µs, ` +
          `written ${Math.round(median(c.wchar))} B (${Math.round(median(c.storage))} B to storage) per command`,
      );
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
