/**
 * Audit replay of compensation decisions against the data directory of the process that runs the refund service (the
 * embedded platform's, or `<data>/refund` of `pnpm start:kafka`): its log and its read models (where the process keeps
 * them: `<data>/read-models.db`, or with AFTERSALES_READ_MODELS=mongo the process's MongoDB database, AFTERSALES_MONGO_DB
 * or the one named after the data directory). Read only:
 *
 *   node apps/platform/dist/cli/audit-compensations.js --data ./data                 # verify every decision
 *   node apps/platform/dist/cli/audit-compensations.js --data ./data --from 2026-11-01T00:00:00Z --to 2026-12-01T00:00:00Z
 *   node apps/platform/dist/cli/audit-compensations.js --data ./data --what-if 2027-01-v2 [--from … --to …]
 *
 * Prints the report as JSON. Exit code: 0 clean (or a what-if), 2 when a decision does not recompute, 1 on error.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReadModelStore } from '@aftersales/kernel';
import { MongoReadModelStore } from '@aftersales/mongo';
import { SqliteReadModelStore } from '@aftersales/sqlite';
import { readModelsConfigFromEnv } from '../config';
import { openAuditLog } from './audit-log';
import { createCompensationAudit } from '@aftersales/refund';
import { runAsMain, type CliOutcome } from './cli-outcome';

/** The CLI without process globals, so it can be tested. */
export async function runAuditCli(argv: string[]): Promise<CliOutcome> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: process.env.AFTERSALES_DATA_DIR ?? 'data' },
      'what-if': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    strict: true,
  });
  for (const bound of ['from', 'to'] as const) {
    if (values[bound] !== undefined && Number.isNaN(Date.parse(values[bound]!))) return { exitCode: 1, output: `--${bound} must be an ISO time, got ${values[bound]}` };
  }
  const dataDir = resolve(values.data!);
  const readModelsPath = join(dataDir, 'read-models.db');
  const hint = '(is --data the data directory of the process running the refund service?)';
  const readModelsConfig = readModelsConfigFromEnv({ ...process.env, AFTERSALES_DATA_DIR: dataDir });
  if (readModelsConfig.kind === 'sqlite' && !existsSync(readModelsPath)) return { exitCode: 1, output: `no ${readModelsPath} ${hint}` };
  const store = openAuditLog(dataDir);
  if (typeof store === 'string') return { exitCode: 1, output: `${store} ${hint}` };
  const readModels: ReadModelStore =
    readModelsConfig.kind === 'mongo'
      ? new MongoReadModelStore({ url: readModelsConfig.url, database: readModelsConfig.database })
      : new SqliteReadModelStore({ path: readModelsPath });
  try {
    const audit = createCompensationAudit(store, readModels);
    const period = { from: values.from, to: values.to };
    if (values['what-if']) {
      const report = await audit.whatIf(values['what-if'], period);
      return { exitCode: 0, output: JSON.stringify(report, null, 2) };
    }
    const report = await audit.verify(period);
    return { exitCode: report.mismatches.length > 0 ? 2 : 0, output: JSON.stringify(report, null, 2) };
  } finally {
    await readModels.close();
    await store.close();
  }
}

if (require.main === module) runAsMain(runAuditCli);
