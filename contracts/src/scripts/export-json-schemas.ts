import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ASYNCAPI_FILE, asyncApiDocument, toYaml } from '../asyncapi';
import { allEvents } from '../catalogue';
import { compareSchemaFiles, generateSchemaFiles, writeSchemaFiles } from '../json-schema';

/** The contracts package, both from src/scripts (tests) and dist/scripts (pnpm contracts:export). */
const CONTRACTS_DIR = resolve(__dirname, '..', '..');
export const DEFAULT_SCHEMAS_DIR = join(CONTRACTS_DIR, 'schemas');
export const DEFAULT_ASYNCAPI_PATH = join(CONTRACTS_DIR, ASYNCAPI_FILE);

interface Output {
  log(message: string): void;
  error(message: string): void;
}

/** The version of the contracts package: the AsyncAPI document's info.version. */
export const contractsVersion = (): string =>
  (JSON.parse(readFileSync(join(CONTRACTS_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/** The AsyncAPI document of the catalogue, as written to contracts/asyncapi.yaml. */
export const generateAsyncApiYaml = (): string => toYaml(asyncApiDocument(allEvents, { version: contractsVersion() }));

const optionValue = (args: readonly string[], name: string): string | undefined | null => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  return args[index + 1] && !args[index + 1].startsWith('--') ? args[index + 1] : null;
};

/**
 * `export-json-schemas [--check] [--out <dir>] [--asyncapi <file>]`: writes the JSON Schema files of the catalogue
 * (to contracts/schemas, or <dir>) and its AsyncAPI document (to contracts/asyncapi.yaml, or <file>, or
 * <dir>/asyncapi.yaml when only --out is given); with --check only compares them with what is on disk.
 * Returns the process exit code.
 */
export function runExportJsonSchemas(args: readonly string[], out: Output = console): number {
  const check = args.includes('--check');
  const outDir = optionValue(args, '--out');
  const asyncApiOption = optionValue(args, '--asyncapi');
  if (outDir === null || asyncApiOption === null) {
    out.error(outDir === null ? '--out needs a directory' : '--asyncapi needs a file');
    return 2;
  }
  const dir = outDir !== undefined ? resolve(outDir) : DEFAULT_SCHEMAS_DIR;
  const asyncApiPath =
    asyncApiOption !== undefined ? resolve(asyncApiOption) : outDir !== undefined ? join(dir, ASYNCAPI_FILE) : DEFAULT_ASYNCAPI_PATH;
  const files = generateSchemaFiles(allEvents);
  const asyncApi = generateAsyncApiYaml();

  if (check) {
    const differences = compareSchemaFiles(dir, files).map((d) => `${d.problem}: ${d.path}`);
    if (!existsSync(asyncApiPath)) differences.push(`missing: ${asyncApiPath}`);
    else if (readFileSync(asyncApiPath, 'utf8') !== asyncApi) differences.push(`changed: ${asyncApiPath}`);
    if (differences.length === 0) {
      out.log(`JSON schemas in ${dir} (${files.length} files) and ${asyncApiPath} are up to date.`);
      return 0;
    }
    for (const difference of differences) out.error(difference);
    out.error('The exported contracts differ from the code: run pnpm build && pnpm contracts:export, then commit.');
    return 1;
  }

  const { written, removed } = writeSchemaFiles(dir, files);
  writeFileSync(asyncApiPath, asyncApi);
  out.log(`Wrote ${written} files to ${dir}${removed.length ? `; removed ${removed.join(', ')}` : ''}; wrote ${asyncApiPath}.`);
  return 0;
}

if (require.main === module) process.exitCode = runExportJsonSchemas(process.argv.slice(2));
