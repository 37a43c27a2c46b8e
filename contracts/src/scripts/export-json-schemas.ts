import { resolve } from 'node:path';
import { allEvents } from '../catalogue';
import { compareSchemaFiles, generateSchemaFiles, writeSchemaFiles } from '../json-schema';

/** contracts/schemas, both from src/scripts (tests) and dist/scripts (pnpm contracts:export). */
export const DEFAULT_SCHEMAS_DIR = resolve(__dirname, '..', '..', 'schemas');

interface Output {
  log(message: string): void;
  error(message: string): void;
}

/**
 * `export-json-schemas [--check] [--out <dir>]`: writes the JSON Schema files of the catalogue, or with --check
 * only compares them with what is on disk. Returns the process exit code.
 */
export function runExportJsonSchemas(args: readonly string[], out: Output = console): number {
  const check = args.includes('--check');
  const outIndex = args.indexOf('--out');
  if (outIndex >= 0 && !args[outIndex + 1]) {
    out.error('--out needs a directory');
    return 2;
  }
  const dir = outIndex >= 0 ? resolve(args[outIndex + 1]) : DEFAULT_SCHEMAS_DIR;
  const files = generateSchemaFiles(allEvents);

  if (check) {
    const differences = compareSchemaFiles(dir, files);
    if (differences.length === 0) {
      out.log(`JSON schemas in ${dir} are up to date (${files.length} files).`);
      return 0;
    }
    for (const d of differences) out.error(`${d.problem}: ${d.path}`);
    out.error(`JSON schemas in ${dir} differ from the contracts: run pnpm build && pnpm contracts:export, then commit.`);
    return 1;
  }

  const { written, removed } = writeSchemaFiles(dir, files);
  out.log(`Wrote ${written} files to ${dir}${removed.length ? `; removed ${removed.join(', ')}` : ''}.`);
  return 0;
}

if (require.main === module) process.exitCode = runExportJsonSchemas(process.argv.slice(2));
