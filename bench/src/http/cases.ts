import { Agent } from 'node:http';
import { median, perSecond } from '../support/statistics';
import { startPlatform } from '../target/server-process';
import { buyerHeaders, call, placePaidOrders, pool, postJson, settle } from './api-client';

const platformHeaders = { 'x-actor-id': 'xiao-er-1', 'x-actor-role': 'platform', 'content-type': 'application/json' };

export interface CaseIntake {
  cases: number;
  concurrency: number;
  rounds: number;
  /** Median of the rounds: from the first POST /disputes until every answer came back. */
  perSecond: number;
  /** Median of the rounds: until /admin/settle says every consequence (deadline timers, the work queue) is processed. */
  settledPerSecond: number;
  /** Cases the work queue lists afterwards (each open case is one item). */
  queued: number;
}

/**
 * Buyers' complaints per second through HTTP (POST /disputes on paid orders, one per order) on the platform in a child
 * process (embedded mode), `concurrency` clients at a time. Undefined when the checkout has no dispute routes yet.
 */
export async function caseIntake(options: { cases: number; concurrency: number; rounds: number; log: (line: string) => void }): Promise<CaseIntake | undefined> {
  const platform = await startPlatform();
  try {
    const url = platform.url;
    const probe = await fetch(`${url}/disputes`, { method: 'POST', headers: { ...buyerHeaders, 'idempotency-key': 'probe' }, body: '{}' });
    if (probe.status === 404) {
      options.log('  POST /disputes is 404 in this checkout: no dispute routes yet');
      return undefined;
    }
    const ids = await placePaidOrders(url, options.cases * options.rounds, 16, 'case');
    await settle(url);
    options.log(`  ${ids.length} paid orders ready; ${options.rounds} round(s) of ${options.cases} complaints with ${options.concurrency} clients`);
    const answered: number[] = [];
    const settled: number[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
    try {
      for (let round = 0; round < options.rounds; round++) {
        const ofRound = ids.slice(round * options.cases, (round + 1) * options.cases);
        const started = performance.now();
        await pool(ofRound, options.concurrency, async (orderId) => {
          const body = { orderId, category: 'product_quality', description: 'The lid is cracked' };
          await postJson(`${url}/disputes`, body, { ...buyerHeaders, 'idempotency-key': `case-${orderId}` }, agent);
        });
        answered.push(performance.now() - started);
        await settle(url);
        settled.push(performance.now() - started);
        options.log(`  round ${round + 1}: ${ofRound.length} cases answered in ${Math.round(answered.at(-1)!)} ms, settled in ${Math.round(settled.at(-1)!)} ms`);
      }
    } finally {
      agent.destroy();
    }
    let queued = 0;
    let cursor: string | undefined;
    do {
      const page = (await call(`${url}/work-queue?kind=dispute&limit=200${cursor ? `&cursor=${cursor}` : ''}`, 'GET', undefined, platformHeaders)).body as { items: unknown[]; nextCursor?: string };
      queued += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return {
      cases: options.cases,
      concurrency: options.concurrency,
      rounds: options.rounds,
      perSecond: perSecond(options.cases, median(answered)),
      settledPerSecond: perSecond(options.cases, median(settled)),
      queued,
    };
  } finally {
    await platform.stop();
  }
}
