import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { EventDefinition } from '../define-event';
import {
  ENVELOPE_PATH,
  INDEX_PATH,
  TOPICS_PATH,
  envelopeSchemaDocument,
  eventSchemaDocument,
  eventSchemaPath,
  indexDocument,
  topicsDocument,
} from './documents';

/** A generated file: path relative to the schemas directory (forward slashes) and its exact content. */
export interface SchemaFile {
  path: string;
  content: string;
}

export interface SchemaDifference {
  path: string;
  problem: 'missing' | 'changed' | 'unexpected';
}

const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Everything `contracts/schemas` must contain, deterministic for a given catalogue. */
export function generateSchemaFiles(definitions: readonly EventDefinition[]): SchemaFile[] {
  return [
    { path: ENVELOPE_PATH, content: toJson(envelopeSchemaDocument()) },
    { path: TOPICS_PATH, content: toJson(topicsDocument(definitions)) },
    { path: INDEX_PATH, content: toJson(indexDocument(definitions)) },
    ...definitions.map((def) => ({ path: eventSchemaPath(def), content: toJson(eventSchemaDocument(def)) })),
  ];
}

function jsonFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Writes the files and deletes JSON files no longer generated, so the directory mirrors the catalogue. */
export function writeSchemaFiles(dir: string, files: readonly SchemaFile[]): { written: number; removed: string[] } {
  const expected = new Set(files.map((f) => f.path));
  const removed = jsonFilesUnder(dir).filter((path) => !expected.has(path));
  for (const path of removed) rmSync(join(dir, path));
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return { written: files.length, removed };
}

/** What differs between the directory and the generated files; empty when they match exactly. */
export function compareSchemaFiles(dir: string, files: readonly SchemaFile[]): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  const expected = new Set(files.map((f) => f.path));
  for (const file of files) {
    const target = join(dir, file.path);
    if (!existsSync(target)) differences.push({ path: file.path, problem: 'missing' });
    else if (readFileSync(target, 'utf8') !== file.content) differences.push({ path: file.path, problem: 'changed' });
  }
  for (const path of jsonFilesUnder(dir)) {
    if (!expected.has(path)) differences.push({ path, problem: 'unexpected' });
  }
  return differences;
}
