import { payoutThroughput } from '../http/payouts';
import type { PayoutServiceThroughput } from '../scenarios/compensation-scenarios';
import { formatPercent, formatRate, formatRatio } from '../support/summary-table';
import { inTargetProcess } from '../target/child-scenario';
import { infoRow, verdict, type Section } from './section';

const TARGET_PER_SECOND = 1000;
const CLIENTS = 32;

/** Figure 11: payouts through the full path (HTTP, platform in a child process) beside the payout service alone. */
export const runPayouts: Section = async ({ quick, log }) => {
  log(`  payout service alone, ${CLIENTS} in flight (child process)`);
  const alone = (await inTargetProcess<PayoutServiceThroughput>('scenarios/compensation-scenarios', 'payoutServiceThroughput', { payouts: quick ? 500 : 2000, concurrency: CLIENTS })).result;
  log(`  ${alone.payouts} payouts: ${Math.round(alone.perSecond)}/s`);
  log(`  full path, ${CLIENTS} clients`);
  const full = await payoutThroughput({ payouts: quick ? 400 : 2000, concurrency: CLIENTS, rounds: quick ? 1 : 3, log });
  return {
    problems: full.reconciled ? [] : ['the ledger does not reconcile with the payouts'],
    rows: [
      infoRow(`11a. Payout service alone, ${CLIENTS} in flight (${alone.payouts})`, formatRate(alone.perSecond, 'payouts/s')),
      // Wall time follows whatever else the machine runs; the work per payout does not.
      infoRow(`11b. Platform CPU per payout, full path (median of ${full.rounds})`, `${full.cpuMsPerPayout.toFixed(2)} ms`),
      {
        figure: `11. Payouts through the full path, ${CLIENTS} clients (${full.payouts}, median of ${full.rounds}; baseline: service alone)`,
        measured: formatRate(full.perSecond, 'payouts/s'),
        baseline: formatRate(alone.perSecond, 'payouts/s'),
        ratio: formatPercent(full.perSecond / alone.perSecond),
        target: `≥ ${formatRate(TARGET_PER_SECOND, '/s')}`,
        vsTarget: formatRatio(full.perSecond / TARGET_PER_SECOND),
        verdict: verdict(full.perSecond >= TARGET_PER_SECOND && full.reconciled),
      },
    ],
  };
};
