import { perSecond } from '../support/statistics';
import { cpuMilliseconds, startPlatform } from '../target/server-process';
import { agentHeaders, call, placePaidOrders, pool, settle } from './api-client';

export interface PayoutThroughput {
  payouts: number;
  concurrency: number;
  ms: number;
  perSecond: number;
  /** CPU the platform process used per payout (user + system), from the first POST until settled. */
  cpuMsPerPayout: number;
  reconciled: boolean;
}

/**
 * Payouts per second through the full path of the platform in a child process: POST /compensations (goodwill, under
 * the approval threshold) → CompensationDecided → bus → PayoutRequested → fake provider (fsync'd) → PayoutSucceeded →
 * bus → CompensationPaidOut → ledger projection. Timed from the first POST until /admin/settle says everything is
 * processed; then the provider's payments and the ledger's reconciliation are checked.
 */
export async function payoutThroughput(options: { payouts: number; concurrency: number; log: (line: string) => void }): Promise<PayoutThroughput> {
  const platform = await startPlatform();
  try {
    const url = platform.url;
    const ids = await placePaidOrders(url, options.payouts, 16, 'payout');
    await settle(url);
    options.log(`  ${ids.length} paid orders ready; proposing ${ids.length} compensations with ${options.concurrency} clients`);

    const started = performance.now();
    const cpuAtStart = cpuMilliseconds(platform.pid);
    await pool(ids, options.concurrency, async (orderId) => {
      await call(`${url}/compensations`, 'POST', { orderId, kind: 'goodwill', amount: 500 }, { ...agentHeaders, 'idempotency-key': `gw-${orderId}` });
    });
    await settle(url);
    const ms = performance.now() - started;
    const cpuMsPerPayout = (cpuMilliseconds(platform.pid) - cpuAtStart) / ids.length;

    const reconciliation = (await call(`${url}/ledger/reconciliation`, 'GET', undefined, {})).body as { balanced: boolean; matchesPayouts: boolean; payouts: { count: number } };
    const provider = (await call(`${url}/admin/payment-provider/payments`, 'GET', undefined, {})).body as { count: number };
    if (provider.count !== ids.length || reconciliation.payouts.count !== ids.length) {
      throw new Error(`expected ${ids.length} payouts, the provider made ${provider.count} and the ledger saw ${reconciliation.payouts.count}`);
    }
    const reconciled = reconciliation.balanced && reconciliation.matchesPayouts;
    const result = { payouts: ids.length, concurrency: options.concurrency, ms, perSecond: perSecond(ids.length, ms), cpuMsPerPayout, reconciled };
    options.log(
      `  ${result.payouts} payouts in ${Math.round(ms)} ms: ${Math.round(result.perSecond)}/s, platform CPU ${cpuMsPerPayout.toFixed(2)} ms per payout${reconciled ? '' : ' (NOT reconciled)'}`,
    );
    return result;
  } finally {
    await platform.stop();
  }
}
