import type { AuditVerifyTiming } from '../scenarios/compensation-scenarios';
import { median } from '../support/statistics';
import { formatMegabytes, formatRate } from '../support/summary-table';
import { createTempFolder } from '../support/temp-folder';
import { inTargetProcess } from '../target/child-scenario';
import { infoRow, verdict, type Section } from './section';

const TARGETS = { verifyMs: 3000, peakRssBytes: 256 * 2 ** 20 };
const DECISIONS = 100_000;

/**
 * Figure 13: audit verify of 100 000 decisions, time and peak RSS of a child process doing only that; the median time
 * and the highest peak of three such processes (one in QUICK mode).
 */
export const runAudit: Section = async ({ quick, log }) => {
  const folder = createTempFolder('audit');
  try {
    const seeded = (await inTargetProcess<{ eventsInLog: number }>('scenarios/compensation-scenarios', 'seedAudit', { dir: folder.path, decisions: DECISIONS })).result;
    const runs: AuditVerifyTiming[] = [];
    for (let round = 1; round <= (quick ? 1 : 3); round++) {
      const { result, maxRssBytes } = await inTargetProcess<AuditVerifyTiming>('scenarios/compensation-scenarios', 'verifyAudit', { dir: folder.path, decisions: DECISIONS });
      runs.push(result);
      log(`  round ${round}: verify ${Math.round(result.verifyMs)} ms (CPU ${Math.round(result.verifyCpuMs)} ms), peak RSS ${formatMegabytes(result.peakRssBytes)} (${formatMegabytes(maxRssBytes)} after the what-if), what-if ${Math.round(result.whatIfMs)} ms`);
    }
    const audit: AuditVerifyTiming = {
      ...runs[0],
      verifyMs: median(runs.map((r) => r.verifyMs)),
      verifyCpuMs: median(runs.map((r) => r.verifyCpuMs)),
      whatIfMs: median(runs.map((r) => r.whatIfMs)),
      peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
      mismatches: Math.max(...runs.map((r) => r.mismatches)),
    };
    return {
      problems: audit.mismatches > 0 ? [`${audit.mismatches} decisions do not recompute`] : [],
      rows: [
        {
          figure: `13. Audit verify, ${audit.decisions.toLocaleString('en-US')} decisions (${seeded.eventsInLog.toLocaleString('en-US')} events)`,
          measured: `${(audit.verifyMs / 1000).toFixed(2)} s`,
          baseline: formatRate((audit.decisions * 1000) / audit.verifyMs, 'decisions/s'),
          ratio: '',
          target: `< ${TARGETS.verifyMs / 1000} s`,
          vsTarget: `${(audit.verifyMs / TARGETS.verifyMs).toFixed(2)}× limit`,
          verdict: verdict(audit.verifyMs < TARGETS.verifyMs && audit.mismatches === 0),
        },
        {
          figure: '13b. ... peak RSS of the verifying process',
          measured: formatMegabytes(audit.peakRssBytes),
          baseline: '',
          ratio: '',
          target: `< ${formatMegabytes(TARGETS.peakRssBytes)}`,
          vsTarget: `${(audit.peakRssBytes / TARGETS.peakRssBytes).toFixed(2)}× limit`,
          verdict: verdict(audit.peakRssBytes < TARGETS.peakRssBytes),
        },
        infoRow(`13c. What-if replay with draft 2027-01-v2 (Δ ${audit.whatIfDelta} fen)`, `${(audit.whatIfMs / 1000).toFixed(2)} s`),
        // Wall time follows whatever else the machine runs; the CPU time verify takes does not.
        infoRow('13d. CPU time of verify (user + system, median)', `${(audit.verifyCpuMs / 1000).toFixed(2)} s`),
      ],
    };
  } finally {
    folder.dispose();
  }
};
