import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allEvents } from '../catalogue';
import { ServiceNames, topicOf } from '../define-event';
import { EventHeaders } from '../topics';
import { DEFAULT_SCHEMAS_DIR, runExportJsonSchemas } from '../scripts/export-json-schemas';
import { JSON_SCHEMA_DIALECT, eventSchemaPath } from './documents';
import { compareSchemaFiles, generateSchemaFiles, writeSchemaFiles } from './schema-files';

const files = generateSchemaFiles(allEvents);
interface SchemaDoc {
  $schema: string;
  $id: string;
  title: string;
  description: string;
  properties: unknown;
  required: string[];
  additionalProperties: unknown;
  examples: unknown[];
}
interface TopicsDoc {
  partitionKey: string;
  headers: { name: string }[];
  topics: { service: string; topic: string; partitionKey: string; eventTypes: { type: string }[] }[];
}
interface IndexDoc {
  envelope: { path: string };
  events: { path: string }[];
}
const parsed = <T = SchemaDoc>(path: string) => JSON.parse(files.find((f) => f.path === path)!.content) as T;
const silent = () => {
  const lines: string[] = [];
  return { lines, out: { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
};

describe('JSON Schema export', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-schemas-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(allEvents.map((def) => [`${def.type} v${def.version}`, def] as const))(
    '%s: is a standalone draft 2020-12 document of its data schema',
    (_label, def) => {
      // given the generated document of the event
      const doc = parsed(eventSchemaPath(def));
      // then it names its dialect, identity and meaning
      expect(doc.$schema).toBe(JSON_SCHEMA_DIALECT);
      expect(doc.$id).toMatch(new RegExp(`/${def.service}/${def.type}\\.v${def.version}\\.json$`));
      expect(doc.title).toContain(def.type);
      expect(doc.description).toBe(def.description);
      // and its schema part is the contract's schema, with the example and no external references
      expect({ properties: doc.properties, required: doc.required, additionalProperties: doc.additionalProperties }).toEqual(
        JSON.parse(
          JSON.stringify({
            properties: def.schema.properties,
            required: def.schema.required,
            additionalProperties: def.schema.additionalProperties,
          }),
        ),
      );
      expect(doc.examples).toEqual([def.example]);
      expect(JSON.stringify(doc)).not.toContain('"$ref"');
    },
  );

  it('gives every document a distinct $id', () => {
    const ids = files.map((f) => JSON.parse(f.content).$id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(allEvents.length + 1); // events + envelope
  });

  it('describes the topics: one per service, keyed by orderId, with the message headers', () => {
    // given topics.json
    const topics = parsed<TopicsDoc>('topics.json');
    // then every service has its topic and lists exactly its event types
    expect(topics.partitionKey).toBe('orderId');
    expect(topics.headers.map((h) => h.name)).toEqual(EventHeaders.map((h) => h.name));
    for (const service of ServiceNames) {
      const entry = topics.topics.find((t) => t.service === service)!;
      expect(entry).toMatchObject({ topic: topicOf(service), partitionKey: 'orderId' });
      const expectedTypes = [...new Set(allEvents.filter((d) => d.service === service).map((d) => d.type))];
      expect(entry.eventTypes.map((t) => t.type)).toEqual(expectedTypes);
    }
  });

  it('indexes every event schema and the envelope', () => {
    const index = parsed<IndexDoc>('index.json');
    const paths = new Set(files.map((f) => f.path));
    expect(index.events).toHaveLength(allEvents.length);
    for (const entry of index.events) expect(paths.has(entry.path)).toBe(true);
    expect(paths.has(index.envelope.path)).toBe(true);
    expect(parsed('envelope.json').required).toEqual(expect.arrayContaining(['eventId', 'type', 'schemaVersion', 'data']));
  });

  it('is deterministic', () => {
    expect(generateSchemaFiles(allEvents)).toEqual(files);
  });

  it('check mode passes on freshly written files', () => {
    // given the files written to a temp dir
    const { lines, out } = silent();
    expect(runExportJsonSchemas(['--out', dir], out)).toBe(0);
    // when checking the same dir
    const code = runExportJsonSchemas(['--check', '--out', dir], out);
    // then it passes
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/up to date/);
  });

  it('check mode fails on a tampered, a missing and an unexpected file, naming each', () => {
    // given fresh files, then one edited, one deleted and one added
    writeSchemaFiles(dir, files);
    const tampered = join(dir, 'refund', 'RefundRequested.v1.json');
    writeFileSync(tampered, readFileSync(tampered, 'utf8').replace('"minimum": 0', '"minimum": 1'));
    unlinkSync(join(dir, 'topics.json'));
    writeFileSync(join(dir, 'review', 'ReviewDeleted.v1.json'), '{}\n');
    // when checking
    const { lines, out } = silent();
    const code = runExportJsonSchemas(['--check', '--out', dir], out);
    // then it fails and says what differs
    expect(code).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'changed: refund/RefundRequested.v1.json',
        'missing: topics.json',
        'unexpected: review/ReviewDeleted.v1.json',
      ]),
    );
  });

  it('writing removes schema files that are no longer generated', () => {
    writeSchemaFiles(dir, files);
    writeFileSync(join(dir, 'order', 'OrderVanished.v1.json'), '{}\n');
    const { removed } = writeSchemaFiles(dir, files);
    expect(removed).toEqual(['order/OrderVanished.v1.json']);
    expect(compareSchemaFiles(dir, files)).toEqual([]);
  });

  it('the committed contracts/schemas match the code (run pnpm contracts:export after changing a contract)', () => {
    expect(compareSchemaFiles(DEFAULT_SCHEMAS_DIR, files)).toEqual([]);
  });
});
