/**
 * Audit replay of shop penalty points against the data directory of the process that runs the dispute service (the
 * embedded platform's, or `<data>/dispute` of `pnpm start:kafka`): every assessment and restriction recomputed from
 * its log with the rulebook version it recorded (on KurrentDB with AFTERSALES_STORE=esdb, see audit-log.ts). Read only:
 *
 *   node apps/platform/dist/cli/audit-penalties.js --data ./data
 *
 * Prints the report as JSON. Exit code: 0 clean, 2 when an assessment does not recompute, 1 on error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPenaltyAudit } from '@aftersales/dispute';
import { openAuditLog } from './audit-log';
import { runAsMain, type CliOutcome } from './cli-outcome';

/** The CLI without process globals, so it can be tested. */
export async function runPenaltyAuditCli(argv: string[]): Promise<CliOutcome> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string', default: process.env.AFTERSALES_DATA_DIR ?? 'data' } }, strict: true });
  const store = openAuditLog(resolve(values.data!));
  if (typeof store === 'string') return { exitCode: 1, output: `${store} (is --data the data directory of the process running the dispute service?)` };
  try {
    const report = await createPenaltyAudit(store).verify();
    return { exitCode: report.mismatches.length > 0 ? 2 : 0, output: JSON.stringify(report, null, 2) };
  } finally {
    await store.close();
  }
}

if (require.main === module) runAsMain(runPenaltyAuditCli);
