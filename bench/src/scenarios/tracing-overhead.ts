/**
 * `node bench/dist/scenarios/tracing-overhead.js`: the command path (load, decide AddNote, append durably on SQLite)
 * with tracing off against on, CPU and wall time per command. Each measurement is its own child process, alternating
 * off and on; with tracing on the child exports over OTLP (http/protobuf, the SDK's batch processor) to a sink this
 * process serves on 127.0.0.1, and its CPU includes the export and the final flush.
 *
 *   TRACING_BENCH_COMMANDS (5000), TRACING_BENCH_ROUNDS (3)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTelemetry } from '@aftersales/telemetry';
import { CommandRig } from './command-rig';

interface Measurement {
  tracing: 'off' | 'on';
  commands: number;
  cpuMicrosPerCommand: number;
  wallMicrosPerCommand: number;
}

const commands = Number(process.env.TRACING_BENCH_COMMANDS ?? 5000);
const rounds = Number(process.env.TRACING_BENCH_ROUNDS ?? 3);

async function measureInThisProcess(): Promise<Measurement> {
  const tracing = await startTelemetry('aftersales-bench');
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-tracing-bench-'));
  const rig = new CommandRig(join(dir, 'events.db'));
  try {
    await rig.placeOrders(200);
    for (let i = 0; i < 500; i++) await rig.addNote(rig.orderIds[i % rig.orderIds.length]);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < commands; i++) await rig.addNote(rig.orderIds[i % rig.orderIds.length]);
    await tracing.shutdown();
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return {
      tracing: tracing.telemetry.enabled ? 'on' : 'off',
      commands,
      cpuMicrosPerCommand: (used.user + used.system) / commands,
      wallMicrosPerCommand: (wall * 1000) / commands,
    };
  } finally {
    await rig.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  let spansBytes = 0;
  const sink = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (spansBytes += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(sink.address() as { port: number }).port}`;
  const results: Measurement[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const order: Array<'off' | 'on'> = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (const mode of order) {
        const env: NodeJS.ProcessEnv = { ...process.env, TRACING_BENCH_CHILD: '1' };
        for (const key of Object.keys(env)) if (key.startsWith('OTEL_')) delete env[key];
        if (mode === 'on') Object.assign(env, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_METRIC_EXPORT_INTERVAL: '1000' });
        // Not execFileSync: the sink in this process must answer the child's exports meanwhile.
        const { stdout } = await promisify(execFile)(process.execPath, [__filename], { env, encoding: 'utf8' });
        results.push(JSON.parse(stdout.trim().split('\n').pop()!) as Measurement);
      }
    }
  } finally {
    sink.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const of = (mode: 'off' | 'on', key: 'cpuMicrosPerCommand' | 'wallMicrosPerCommand') => median(results.filter((r) => r.tracing === mode).map((r) => r[key]));
  console.log(`command path (AddNote on SQLite), ${commands} commands × ${rounds} rounds per mode, medians:`);
  for (const key of ['cpuMicrosPerCommand', 'wallMicrosPerCommand'] as const) {
    const off = of('off', key);
    const on = of('on', key);
    console.log(`  ${key === 'cpuMicrosPerCommand' ? 'CPU ' : 'wall'} per command: off ${off.toFixed(1)} µs, on ${on.toFixed(1)} µs (+${((on / off - 1) * 100).toFixed(0)} %)`);
  }
  console.log(`  OTLP received by the sink: ${(spansBytes / 1024).toFixed(0)} KB; every run: ${JSON.stringify(results)}`);
}

if (process.env.TRACING_BENCH_CHILD === '1') {
  measureInThisProcess().then((m) => console.log(JSON.stringify(m)), (error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
