import { resolve } from 'node:path';
import { allEvents } from '../catalogue';
import { checkCompatibility } from '../compatibility';

/**
 * `pnpm contracts:compat [--published <dir>]`: fails when the current contracts break a published event version
 * (contracts/published, the snapshot of what integrators have). The rules are in compatibility/schema-compatibility.ts:
 * within a published (type, version) only annotations, new optional fields and a looser additionalProperties are
 * allowed; a published version may not be deleted or move topic. A breaking change is a new schemaVersion.
 */
export const DEFAULT_PUBLISHED_DIR = resolve(__dirname, '..', '..', 'published');

interface Output {
  log(message: string): void;
  error(message: string): void;
}

export function runCheckCompatibility(args: readonly string[], out: Output = console, definitions = allEvents): number {
  const index = args.indexOf('--published');
  if (index >= 0 && !args[index + 1]) {
    out.error('--published needs a directory');
    return 2;
  }
  const dir = index >= 0 ? resolve(args[index + 1]) : DEFAULT_PUBLISHED_DIR;
  let report;
  try {
    report = checkCompatibility(dir, definitions);
  } catch (error) {
    out.error(`cannot read the published contracts in ${dir}: ${(error as Error).message}`);
    return 2;
  }
  if (report.checked === 0) {
    out.error(`no published contracts in ${dir}: run pnpm contracts:publish --all once to record the baseline`);
    return 1;
  }
  if (report.unpublished.length > 0) {
    out.log(
      `not yet published (not protected): ${report.unpublished.join(', ')}; pnpm contracts:publish <service|Type|Type.vN> publishes them.`,
    );
  }
  if (report.breaking.length === 0) {
    out.log(`contracts compatible with the ${report.checked} published contracts in ${dir}.`);
    return 0;
  }
  for (const finding of report.breaking) {
    out.error(`BREAKING ${finding.subject}${finding.path ? ` ${finding.path}` : ''}: ${finding.rule}: ${finding.detail}`);
  }
  out.error(
    `${report.breaking.length} breaking change(s) to published contracts. Keep the published version as it was and add a new ` +
      'schemaVersion of the type instead; only for a deliberate, announced break run pnpm contracts:publish --force <Type.vN>.',
  );
  return 1;
}

if (require.main === module) process.exitCode = runCheckCompatibility(process.argv.slice(2));
