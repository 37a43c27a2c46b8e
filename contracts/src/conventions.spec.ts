import type { TSchema } from '@sinclair/typebox';
import { allEvents } from './catalogue';
import type { ServiceName } from './define-event';
import { rulebookVersion } from './rulebook';

/** Every sub-schema with the JSON pointer to it, descending into objects, arrays and unions. */
function* walk(schema: TSchema, path = ''): Generator<{ path: string; schema: TSchema }> {
  yield { path, schema };
  if (schema.type === 'object' && schema.properties) {
    for (const [key, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      yield* walk(child, `${path}/${key}`);
    }
  }
  if (schema.type === 'array' && schema.items) yield* walk(schema.items as TSchema, `${path}/*`);
  for (const variant of (schema.anyOf ?? []) as TSchema[]) yield* walk(variant, path);
}

const propertiesOf = (schema: TSchema) => [...walk(schema)].filter(({ path }) => path !== '' && !path.endsWith('/*'));

/** Services whose catalogues are held to "a description on every field" (order and logistics: see the report). */
const describedServices: ServiceName[] = ['refund', 'dispute', 'review'];

describe('catalogue conventions', () => {
  it.each(allEvents.map((def) => [`${def.type} v${def.version}`, def] as const))(
    '%s: every object forbids unknown properties',
    (_label, def) => {
      const open = [...walk(def.schema)]
        .filter(({ schema }) => schema.type === 'object' && schema.additionalProperties !== false)
        .map(({ path }) => path || '(root)');
      expect(open).toEqual([]);
    },
  );

  it.each(allEvents.filter((def) => describedServices.includes(def.service)).map((def) => [`${def.type} v${def.version}`, def] as const))(
    '%s: every field is described',
    (_label, def) => {
      // literal variants of a union are described by the union itself
      const undescribed = propertiesOf(def.schema)
        .filter(({ schema }) => schema.const === undefined && !schema.description)
        .map(({ path }) => path);
      expect(undescribed).toEqual([]);
      expect(def.description.length).toBeGreaterThan(20);
    },
  );

  it.each(allEvents.map((def) => [`${def.type} v${def.version}`, def] as const))(
    '%s: a rulebook version in its example names a published rulebook',
    (_label, def) => {
      const versions: string[] = [];
      JSON.stringify(def.example, (key, value: unknown) => {
        if (key === 'rulebookVersion' && typeof value === 'string') versions.push(value);
        return value;
      });
      expect(versions.filter((v) => rulebookVersion(v) === undefined)).toEqual([]);
    },
  );

  it('the walker finds an undescribed nested field (so the check can fail)', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'string' } } } } },
    } as unknown as TSchema;
    expect(
      propertiesOf(schema)
        .filter(({ schema: s }) => !s.description)
        .map(({ path }) => path),
    ).toEqual(['/a', '/a/*/b']);
  });
});
