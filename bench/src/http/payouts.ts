import { median, perSecond } from '../support/statistics';
import { cpuMilliseconds, startPlatform } from '../target/server-process';
import { Agent } from 'node:http';
import { adminHeaders, agentHeaders, call, financeHeaders, placePaidOrders, pool, postJson, settle } from './api-client';

export interface PayoutThroughput {
  /** Payouts per round. */
  payouts: number;
  concurrency: number;
  rounds: number;
  /** Median of the rounds. */
  ms: number;
  /** Median of the rounds. */
  perSecond: number;
  /** CPU the platform process used per payout (user + system), from the first POST until settled; median of the rounds. */
  cpuMsPerPayout: number;
  reconciled: boolean;
}

/**
 * Payouts per second through the full path of the platform in a child process: POST /compensations (goodwill, under
 * the approval threshold) → CompensationDecided → bus → PayoutRequested → fake provider (fsync'd) → PayoutSucceeded →
 * bus → CompensationPaidOut → ledger projection. Each round is timed from its first POST until /admin/settle says
 * everything is processed; the rounds run one after another on one platform (orders for all of them placed first),
 * and their median is the figure. Then the provider's payments and the ledger's reconciliation are checked.
 */
export async function payoutThroughput(options: { payouts: number; concurrency: number; rounds: number; log: (line: string) => void }): Promise<PayoutThroughput> {
  const platform = await startPlatform();
  try {
    const url = platform.url;
    const ids = await placePaidOrders(url, options.payouts * options.rounds, 16, 'payout');
    await settle(url);
    options.log(`  ${ids.length} paid orders ready; ${options.rounds} round(s) of ${options.payouts} compensations with ${options.concurrency} clients`);

    const rounds: { ms: number; cpuMsPerPayout: number }[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
    try {
      for (let round = 0; round < options.rounds; round++) {
        const ofRound = ids.slice(round * options.payouts, (round + 1) * options.payouts);
        const started = performance.now();
        const cpuAtStart = cpuMilliseconds(platform.pid);
        await pool(ofRound, options.concurrency, async (orderId) => {
          await postJson(`${url}/compensations`, { orderId, kind: 'goodwill', amount: 500 }, { ...agentHeaders, 'idempotency-key': `gw-${orderId}` }, agent);
        });
        await settle(url);
        const ms = performance.now() - started;
        const cpuMsPerPayout = (cpuMilliseconds(platform.pid) - cpuAtStart) / ofRound.length;
        rounds.push({ ms, cpuMsPerPayout });
        options.log(`  round ${round + 1}: ${ofRound.length} payouts in ${Math.round(ms)} ms: ${Math.round(perSecond(ofRound.length, ms))}/s, platform CPU ${cpuMsPerPayout.toFixed(2)} ms per payout`);
      }
    } finally {
      agent.destroy();
    }

    const reconciliation = (await call(`${url}/ledger/reconciliation`, 'GET', undefined, financeHeaders)).body as { balanced: boolean; matchesPayouts: boolean; payouts: { count: number } };
    const provider = (await call(`${url}/admin/payment-provider/payments`, 'GET', undefined, adminHeaders)).body as { count: number };
    if (provider.count !== ids.length || reconciliation.payouts.count !== ids.length) {
      throw new Error(`expected ${ids.length} payouts, the provider made ${provider.count} and the ledger saw ${reconciliation.payouts.count}`);
    }
    const ms = median(rounds.map((r) => r.ms));
    const reconciled = reconciliation.balanced && reconciliation.matchesPayouts;
    const result = {
      payouts: options.payouts,
      concurrency: options.concurrency,
      rounds: options.rounds,
      ms,
      perSecond: perSecond(options.payouts, ms),
      cpuMsPerPayout: median(rounds.map((r) => r.cpuMsPerPayout)),
      reconciled,
    };
    options.log(`  median: ${Math.round(result.perSecond)}/s, platform CPU ${result.cpuMsPerPayout.toFixed(2)} ms per payout${reconciled ? '' : ' (NOT reconciled)'}`);
    return result;
  } finally {
    await platform.stop();
  }
}
