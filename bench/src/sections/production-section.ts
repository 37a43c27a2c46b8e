import { createServer, type Server } from 'node:http';
import { agentHeaders, noteBody, placePaidOrders, settle } from '../http/api-client';
import { load, type LoadSpec } from '../http/load';
import { median } from '../support/statistics';
import { cpuMilliseconds, startPlatform, type ServerProcess } from '../target/server-process';
import { runMongo } from './mongo-section';
import { infoRow, type Section } from './section';
import type { SummaryRow } from '../support/summary-table';

/**
 * Issue 14's figures in one run: the projection rebuild into MongoDB read models beside SQLite (the `mongo` section,
 * skipped without AFTERSALES_MONGO_URL), and the command path over HTTP (POST /orders/{id}/notes, 16 connections) with
 * tracing on against off. Both platforms run at once and rounds alternate between them (the order flips each round),
 * so the machine's other load reaches both alike. Tracing on exports over OTLP/HTTP to JAEGER_OTLP_ENDPOINT (a running
 * Jaeger) or, without it, to a sink in this process that accepts and drops.
 */
export const runProduction: Section = async (context) => {
  const mongo = await runMongo(context);
  const tracing = await tracingOnAgainstOff(context.quick, context.log);
  return { rows: [...mongo.rows, ...tracing.rows], problems: [...mongo.problems, ...tracing.problems] };
};

interface Platform {
  label: 'off' | 'on';
  server: ServerProcess;
  spec: LoadSpec;
  cpuMicrosPerNote: number[];
  notesPerSecond: number[];
}

async function tracingOnAgainstOff(quick: boolean, log: (line: string) => void): Promise<{ rows: SummaryRow[]; problems: string[] }> {
  const rounds = Number(process.env.BENCH_TRACING_ROUNDS ?? (quick ? 2 : 4));
  const notes = Number(process.env.BENCH_TRACING_NOTES ?? (quick ? 1000 : 3000));
  const jaeger = process.env.JAEGER_OTLP_ENDPOINT?.trim();
  const sink = jaeger ? undefined : await startDroppingSink();
  const endpoint = jaeger ?? sink!.url;
  log(`  tracing on exports to ${jaeger ? `Jaeger at JAEGER_OTLP_ENDPOINT (${jaeger})` : `an OTLP sink that accepts and drops (${endpoint}; JAEGER_OTLP_ENDPOINT is not set)`}`);
  const platforms: Platform[] = [];
  const problems: string[] = [];
  try {
    platforms.push(await startMeasured('off', { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_TRACES_EXPORTER: 'none' }));
    platforms.push(
      await startMeasured('on', {
        OTEL_SDK_DISABLED: 'false',
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_SERVICE_NAME: 'aftersales-bench-traced',
      }),
    );
    for (let round = 1; round <= rounds; round++) {
      for (const platform of round % 2 === 1 ? platforms : [...platforms].reverse()) {
        const line = await measureRound(platform, notes);
        if (line.problem) problems.push(line.problem);
        log(`  round ${round} tracing ${platform.label}: ${line.text}`);
      }
    }
  } finally {
    for (const platform of platforms) await platform.server.stop();
    sink?.server.close();
  }
  if (sink) log(`  the sink received ${(sink.bytes() / 1024).toFixed(0)} KB of OTLP`);
  const [off, on] = platforms;
  if (!off || !on || off.cpuMicrosPerNote.length === 0 || on.cpuMicrosPerNote.length === 0) {
    return { rows: [infoRow('14b. Command path over HTTP, tracing on vs off', 'not measured')], problems };
  }
  const cpuOff = median(off.cpuMicrosPerNote);
  const cpuOn = median(on.cpuMicrosPerNote);
  const rateOff = median(off.notesPerSecond);
  const rateOn = median(on.notesPerSecond);
  const to = jaeger ? 'Jaeger' : 'dropping OTLP sink';
  return {
    rows: [
      infoRow(`14b. POST note CPU per request, tracing on (to ${to}) vs off, median of ${rounds}×${notes}`, `${cpuOn.toFixed(0)} µs`, `off ${cpuOff.toFixed(0)} µs`, `${(cpuOn / cpuOff).toFixed(2)}x`),
      infoRow(`14c. POST note throughput at 16 connections, tracing on (to ${to}) vs off`, `${rateOn.toFixed(0)} notes/s`, `off ${rateOff.toFixed(0)} notes/s`, `${(rateOn / rateOff).toFixed(2)}x`),
    ],
    problems,
  };
}

async function startMeasured(label: 'off' | 'on', env: NodeJS.ProcessEnv): Promise<Platform> {
  const server = await startPlatform(env);
  const orders = await placePaidOrders(server.url, 200, 16, `trace-${label}`);
  const spec: LoadSpec = {
    url: server.url,
    method: 'POST',
    connections: 16,
    seconds: 600,
    path: (n) => `/orders/${orders[n % orders.length]}/notes`,
    body: noteBody,
    headers: () => agentHeaders,
  };
  await load({ ...spec, amount: 1000 }); // warm-up
  await settle(server.url);
  return { label, server, spec, cpuMicrosPerNote: [], notesPerSecond: [] };
}

/** One round of notes; CPU of the whole platform process over the round and the settle after it, per note. */
async function measureRound(platform: Platform, notes: number): Promise<{ text: string; problem?: string }> {
  const { pid, url } = platform.server;
  await settle(url);
  const before = cpuMilliseconds(pid);
  const result = await load({ ...platform.spec, amount: notes });
  await settle(url);
  const ok = Math.max(1, result.requests - result.non2xx - result.errors);
  const cpu = ((cpuMilliseconds(pid) - before) * 1000) / ok;
  platform.cpuMicrosPerNote.push(cpu);
  platform.notesPerSecond.push(result.requestsPerSecond);
  const failed = result.non2xx + result.errors;
  return {
    text: `${cpu.toFixed(0)} µs CPU/note, ${result.requestsPerSecond.toFixed(0)} notes/s${failed ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''}`,
    ...(failed ? { problem: `tracing ${platform.label}: ${failed} of ${result.requests} notes failed` } : {}),
  };
}

/** An OTLP/HTTP endpoint that answers 200 to every export and keeps only the byte count. */
async function startDroppingSink(): Promise<{ server: Server; url: string; bytes(): number }> {
  let bytes = 0;
  const server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, bytes: () => bytes };
}
