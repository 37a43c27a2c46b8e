import { ServiceNames, type EventDefinition } from '../define-event';
import { allEvents } from '../catalogue';
import { publishContracts } from '../compatibility';
import { DEFAULT_PUBLISHED_DIR } from './check-compatibility';

interface Output {
  log(message: string): void;
  error(message: string): void;
}

const USAGE =
  'usage: pnpm contracts:publish (--all | <service|Type|Type.vN>...) [--force] [--published <dir>]\n' +
  '  adds the selected event versions (and the envelope) to the published baseline; an existing published file is\n' +
  '  never rewritten without --force.';

/** The definitions a selector names: a service, every version of a type, or one `Type.vN`. */
function select(selector: string, definitions: readonly EventDefinition[]): EventDefinition[] {
  if ((ServiceNames as readonly string[]).includes(selector)) return definitions.filter((def) => def.service === selector);
  const versioned = /^(.+)\.v(\d+)$/.exec(selector);
  if (versioned) return definitions.filter((def) => def.type === versioned[1] && def.version === Number(versioned[2]));
  return definitions.filter((def) => def.type === selector);
}

/** `publish-contracts`: records event versions as published (see USAGE). Returns the process exit code. */
export function runPublishContracts(args: readonly string[], out: Output = console, definitions = allEvents): number {
  const force = args.includes('--force');
  const all = args.includes('--all');
  const dirIndex = args.indexOf('--published');
  if (dirIndex >= 0 && !args[dirIndex + 1]) {
    out.error('--published needs a directory');
    return 2;
  }
  const dir = dirIndex >= 0 ? args[dirIndex + 1] : DEFAULT_PUBLISHED_DIR;
  const selectors = args.filter((arg, i) => !arg.startsWith('--') && !(dirIndex >= 0 && i === dirIndex + 1));
  if (!all && selectors.length === 0) {
    out.error(USAGE);
    return 2;
  }
  const selected = new Set<EventDefinition>(all ? definitions : []);
  for (const selector of selectors) {
    const found = select(selector, definitions);
    if (found.length === 0) {
      out.error(`${selector} names no service, event type or Type.vN of the catalogue`);
      return 2;
    }
    found.forEach((def) => selected.add(def));
  }

  const results = publishContracts(
    dir,
    definitions.filter((def) => selected.has(def)),
    { force },
  );
  for (const result of results) {
    const breaking = result.breaking.map((c) => `\n    ${c.rule} ${c.path || '(root)'}: ${c.detail}`).join('');
    if (result.outcome === 'published') out.log(`published ${result.path}`);
    if (result.outcome === 'rewritten') out.log(`rewrote ${result.path}${breaking ? ` WITH BREAKING CHANGES:${breaking}` : ''}`);
    if (result.outcome === 'kept') {
      out.log(`kept ${result.path}: the current schema differs (${breaking ? `breaking:${breaking}` : 'compatibly'}); --force rewrites it`);
    }
  }
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  out.log(
    `${count('published')} published, ${count('rewritten')} rewritten, ${count('kept')} kept, ${count('unchanged')} unchanged in ${dir}.`,
  );
  return 0;
}

if (require.main === module) process.exitCode = runPublishContracts(process.argv.slice(2));
