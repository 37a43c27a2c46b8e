import { median } from '../support/statistics';
import { cpuMilliseconds, fileSizes, ioCounters, startBareNest, startPlatform, type ServerProcess } from '../target/server-process';
import { agentHeaders, buyerHeaders, noteBody, placeOrderBody, placePaidOrders, settle } from './api-client';
import { load, type LoadResult, type LoadSpec } from './load';

export interface HttpOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Orders the notes are spread over. */
  noteOrders: number;
  sequentialNotes: number;
  log: (line: string) => void;
}

export interface PairedLoad {
  ours: LoadResult[];
  bare: LoadResult[];
}

export interface HttpFigures {
  notesSpread: PairedLoad;
  notesHot: LoadResult[];
  placement: LoadResult[];
  getOrder: PairedLoad;
  /** Bytes the server wrote per note, one per 16-connection notes round (settled after the round). */
  bytesPerNoteUnderLoad: WrittenPerRequest[];
  bytesPerNoteSequential: WrittenPerRequest;
  /** The data directory's files after the notes, by name. */
  dataFiles: Record<string, number>;
  /**
   * CPU time (user + system, all threads) each server process used per request in the notes rounds, in µs: the
   * platform's from before a round to after it settled, the bare app's over its round. It follows the machine's other
   * load less than requests per second do, but contention inflates it too (measured: the bare app's from 240 to 1 250 µs
   * on two oversubscribed cores): compare rounds that ran close together.
   */
  cpuPerNote: { ours: number[]; bare: number[] };
}

/**
 * What the server wrote per successful request, from /proc/<pid>/io around a run (settled before and after):
 * `wchar` less the HTTP responses (which the client counted), and the storage layer's `write_bytes`.
 */
export interface WrittenPerRequest {
  wchar: number;
  storage: number;
}

const medianOf = (results: LoadResult[], pick: (r: LoadResult) => number): number => median(results.map(pick));
export const medianRate = (results: LoadResult[]): number => medianOf(results, (r) => r.requestsPerSecond);
export const medianP99 = (results: LoadResult[]): number => medianOf(results, (r) => r.p99Ms);

function describe(result: LoadResult): string {
  const problems = result.errors + result.non2xx > 0 ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : '';
  return `${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms} ms${problems}`;
}

/**
 * The HTTP figures, black box: the platform (BENCH_TARGET's build) and a bare NestJS app, each a child process, under
 * autocannon load from this process. Every measured run follows a warm-up run; ours and the bare app alternate.
 */
export async function httpThroughput(options: HttpOptions): Promise<HttpFigures> {
  const platform = await startPlatform();
  const bare = await startBareNest();
  try {
    const url = platform.url;
    const noteOrders = await placePaidOrders(url, options.noteOrders, 16, 'notes');
    const readOrders = await placePaidOrders(url, options.noteOrders, 16, 'reads');
    const hotOrders = await placePaidOrders(url, options.rounds, 1, 'hot');
    await settle(url);
    options.log(`  ${options.noteOrders * 2 + options.rounds} paid orders ready (server pid ${platform.pid})`);
    const base = { connections: options.connections };
    const notesSpread: LoadSpec = { ...base, url, method: 'POST', path: (n) => `/orders/${noteOrders[n % noteOrders.length]}/notes`, body: noteBody, headers: () => agentHeaders, seconds: options.seconds };
    const barePost: LoadSpec = { ...base, url: bare.url, method: 'POST', path: (n) => `/echo/ord_${n % 200}`, body: noteBody, seconds: options.seconds };
    // A fresh order each round: the hot order's cost grows with its notes, so the rounds stay comparable.
    const notesHot = (round: number): LoadSpec => ({ ...notesSpread, path: () => `/orders/${hotOrders[round - 1]}/notes` });
    let placed = 0;
    const placement: LoadSpec = {
      ...base,
      url,
      method: 'POST',
      path: () => '/orders',
      body: () => JSON.stringify(placeOrderBody()),
      headers: () => ({ ...buyerHeaders, 'idempotency-key': `bench-place-${Date.now()}-${placed++}` }),
      seconds: options.seconds,
    };
    const getOrder: LoadSpec = { ...base, url, method: 'GET', path: (n) => `/orders/${readOrders[n % readOrders.length]}`, headers: () => agentHeaders, seconds: options.seconds };
    const bareGet: LoadSpec = { ...base, url: bare.url, method: 'GET', path: (n) => `/items/ord_${n % 200}`, seconds: options.seconds };

    /** One run after its warm-up; `server` is settled around it and its writes counted; `cpuOf`'s CPU is counted. */
    const measured = async (
      label: string,
      spec: LoadSpec,
      server?: ServerProcess,
      cpuOf: ServerProcess | undefined = server,
    ): Promise<{ result: LoadResult; written: WrittenPerRequest; cpuMicros: number }> => {
      if (!spec.amount) await load({ ...spec, seconds: options.warmupSeconds });
      if (server) await settle(server.url);
      const before = server ? ioCounters(server.pid) : { wchar: 0, writeBytes: 0 };
      const cpuBefore = cpuOf ? cpuMilliseconds(cpuOf.pid) : 0;
      const result = await load(spec);
      if (server) await settle(server.url);
      const after = server ? ioCounters(server.pid) : { wchar: 0, writeBytes: 0 };
      const ok = Math.max(1, result.requests - result.non2xx);
      const cpuMicros = cpuOf ? ((cpuMilliseconds(cpuOf.pid) - cpuBefore) * 1000) / ok : 0;
      const written = { wchar: (after.wchar - before.wchar - result.responseBytes) / ok, storage: (after.writeBytes - before.writeBytes) / ok };
      const bytes = server ? `, written per request: ${Math.round(written.wchar)} B (wchar less responses), ${Math.round(written.storage)} B to storage` : '';
      const cpu = cpuOf ? `, CPU ${Math.round(cpuMicros)} µs per request` : '';
      options.log(`  ${label}: ${describe(result)}${bytes}${cpu}`);
      return { result, written, cpuMicros };
    };

    const figures: HttpFigures = {
      notesSpread: { ours: [], bare: [] },
      notesHot: [],
      placement: [],
      getOrder: { ours: [], bare: [] },
      bytesPerNoteUnderLoad: [],
      bytesPerNoteSequential: { wchar: 0, storage: 0 },
      dataFiles: {},
      cpuPerNote: { ours: [], bare: [] },
    };
    for (let round = 1; round <= options.rounds; round++) {
      const runOurs = async (): Promise<void> => {
        const { result, written, cpuMicros } = await measured(`round ${round} notes over ${noteOrders.length} orders`, notesSpread, platform);
        figures.notesSpread.ours.push(result);
        figures.bytesPerNoteUnderLoad.push(written);
        figures.cpuPerNote.ours.push(cpuMicros);
      };
      const runBare = async (): Promise<void> => {
        const { result, cpuMicros } = await measured(`round ${round} bare NestJS POST`, barePost, undefined, bare);
        figures.notesSpread.bare.push(result);
        figures.cpuPerNote.bare.push(cpuMicros);
      };
      if (round % 2 === 1) await runBare().then(runOurs);
      else await runOurs().then(runBare);
    }
    for (let round = 1; round <= options.rounds; round++) {
      figures.notesHot.push((await measured(`round ${round} notes on one order`, notesHot(round), platform)).result);
    }
    for (let round = 1; round <= options.rounds; round++) {
      figures.placement.push((await measured(`round ${round} POST /orders`, placement, platform)).result);
    }
    for (let round = 1; round <= options.rounds; round++) {
      const runOurs = async (): Promise<void> => void figures.getOrder.ours.push((await measured(`round ${round} GET /orders/{id}`, getOrder)).result);
      const runBare = async (): Promise<void> => void figures.getOrder.bare.push((await measured(`round ${round} bare NestJS GET`, bareGet)).result);
      if (round % 2 === 1) await runBare().then(runOurs);
      else await runOurs().then(runBare);
    }

    const sequential: LoadSpec = { ...notesSpread, url, path: (n) => `/orders/${readOrders[n % readOrders.length]}/notes`, connections: 1, amount: options.sequentialNotes };
    figures.bytesPerNoteSequential = (await measured(`${options.sequentialNotes} sequential notes`, sequential, platform)).written;
    figures.dataFiles = Object.fromEntries(fileSizes(platform.dataDir));
    options.log(`  data files: ${Object.entries(figures.dataFiles).map(([name, size]) => `${name} ${(size / 2 ** 20).toFixed(1)} MB`).join(', ')}`);
    return figures;
  } finally {
    await bare.stop();
    await platform.stop();
  }
}
