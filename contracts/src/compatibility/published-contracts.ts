import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { EventDefinition } from '../define-event';
import { ENVELOPE_PATH, envelopeSchemaDocument, eventSchemaDocument, eventSchemaPath } from '../json-schema/documents';
import { breakingChanges, type BreakingChange } from './schema-compatibility';

/**
 * The published baseline: a snapshot of every contract integrators have, one file per (type, version) at
 * `<service>/<Type>.v<N>.json` plus `envelope.json`, each the JSON Schema document exported when it was published.
 */
export interface PublishedContract {
  /** Path relative to the baseline directory, forward slashes. */
  path: string;
  /** `OrderPlaced v1`, or `envelope`. */
  subject: string;
  document: Record<string, unknown>;
}

export interface CompatibilityFinding extends BreakingChange {
  subject: string;
  file: string;
}

export interface CompatibilityReport {
  /** Published contracts compared with the current ones. */
  checked: number;
  breaking: CompatibilityFinding[];
  /** Catalogue versions with no published file yet (not protected until `pnpm contracts:publish`). */
  unpublished: string[];
}

const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const subjectOf = (def: Pick<EventDefinition, 'type' | 'version'>) => `${def.type} v${def.version}`;
const ENVELOPE_SUBJECT = 'envelope';

interface PublishedIdentity {
  service: string;
  type: string;
  version: number;
  topic: string;
  partitionKey: string;
}

/** What the current catalogue would publish: path → exact file content. */
export function publishableFiles(definitions: readonly EventDefinition[]): { path: string; subject: string; content: string }[] {
  return [
    { path: ENVELOPE_PATH, subject: ENVELOPE_SUBJECT, content: toJson(envelopeSchemaDocument()) },
    ...definitions.map((def) => ({ path: eventSchemaPath(def), subject: subjectOf(def), content: toJson(eventSchemaDocument(def)) })),
  ];
}

export function readPublishedContracts(dir: string): PublishedContract[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
    .map((path) => {
      const document = JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;
      if (path === ENVELOPE_PATH) return { path, subject: ENVELOPE_SUBJECT, document };
      const identity = document['x-aftersales'] as PublishedIdentity | undefined;
      if (!identity || typeof identity.type !== 'string' || !Number.isInteger(identity.version)) {
        throw new Error(`${path} is not a published event schema (no x-aftersales type and version)`);
      }
      if (eventSchemaPath(identity as Pick<EventDefinition, 'service' | 'type' | 'version'>) !== path) {
        throw new Error(
          `${path} holds ${subjectOf(identity)} of ${identity.service}; it belongs at ${eventSchemaPath(identity as Pick<EventDefinition, 'service' | 'type' | 'version'>)}`,
        );
      }
      return { path, subject: subjectOf(identity), document };
    });
}

/** Compares every published contract with the current catalogue. */
export function checkCompatibility(dir: string, definitions: readonly EventDefinition[]): CompatibilityReport {
  const published = readPublishedContracts(dir);
  const current = new Map(definitions.map((def) => [subjectOf(def), def]));
  const breaking: CompatibilityFinding[] = [];
  for (const contract of published) {
    const found = (changes: BreakingChange[]) =>
      breaking.push(...changes.map((change) => ({ ...change, subject: contract.subject, file: contract.path })));
    if (contract.subject === ENVELOPE_SUBJECT) {
      found(breakingChanges(contract.document, envelopeSchemaDocument()));
      continue;
    }
    const def = current.get(contract.subject);
    if (!def) {
      found([
        {
          rule: 'version-deleted',
          path: '',
          detail: `${contract.subject} is published but no longer in the catalogue; consumers and the history still have it`,
        },
      ]);
      continue;
    }
    const document = eventSchemaDocument(def);
    const before = contract.document['x-aftersales'] as PublishedIdentity;
    const after = document['x-aftersales'] as PublishedIdentity;
    if (before.topic !== after.topic)
      found([{ rule: 'topic-changed', path: '', detail: `published on ${before.topic}, now on ${after.topic}` }]);
    if (before.partitionKey !== after.partitionKey)
      found([{ rule: 'message-key-changed', path: '', detail: `keyed by ${before.partitionKey}, now by ${after.partitionKey}` }]);
    found(breakingChanges(contract.document, document));
  }
  const publishedSubjects = new Set(published.map((p) => p.subject));
  return {
    checked: published.length,
    breaking,
    unpublished: definitions.map(subjectOf).filter((subject) => !publishedSubjects.has(subject)),
  };
}

export type PublishOutcome = 'published' | 'unchanged' | 'kept' | 'rewritten';

/**
 * Writes the selected contracts to the baseline: missing ones are added; an existing file that differs is kept
 * unless `force` (the baseline records what integrators have: rewriting it is a deliberate, announced act).
 */
export function publishContracts(
  dir: string,
  definitions: readonly EventDefinition[],
  options: { force: boolean },
): { path: string; subject: string; outcome: PublishOutcome; breaking: BreakingChange[] }[] {
  return publishableFiles(definitions).map(({ path, subject, content }) => {
    const target = join(dir, path);
    const existing = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (existing === content) return { path, subject, outcome: 'unchanged' as const, breaking: [] };
    const breaking = existing === undefined ? [] : breakingChanges(JSON.parse(existing), JSON.parse(content));
    if (existing !== undefined && !options.force) return { path, subject, outcome: 'kept' as const, breaking };
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    return { path, subject, outcome: existing === undefined ? ('published' as const) : ('rewritten' as const), breaking };
  });
}
