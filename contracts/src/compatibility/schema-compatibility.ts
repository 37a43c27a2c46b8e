/**
 * Compatibility of a published event schema with its current version, for integrators who consume our events.
 *
 * A published (type, version) is a promise in both directions, because integrators replay topics from the beginning:
 * - old consumers, coded against the published schema, must accept every event the current producer writes, and
 * - the history, written under the published schema, must validate against the current schema.
 * Integrators are told to be tolerant readers in one respect only: ignore properties they do not know. So within a
 * published version the schema is frozen except for:
 * - annotations (title, description, examples, default, $comment, x-…),
 * - new optional properties, at any depth (old consumers ignore them; old events lack them),
 * - additionalProperties loosened (false → absent or true).
 * Everything else is breaking, each with its rule below: a removed field, a field made required or added as required,
 * a required field made optional (old consumers rely on it), a changed type (a widened union included), an enum value
 * removed (history no longer validates) or added (old consumers reject or misread it: a new reason or status changes
 * meaning, which for money is worse than a loud failure), additionalProperties tightened, any changed constraint
 * (tightened: history may fail; loosened: old consumers may reject new values), and any keyword the checker cannot
 * reason about. A breaking change is a new schemaVersion of the type, published alongside the old one.
 */

export type BreakingRule =
  | 'version-deleted'
  | 'topic-changed'
  | 'message-key-changed'
  | 'field-removed'
  | 'field-made-required'
  | 'required-field-added'
  | 'field-made-optional'
  | 'type-changed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'additional-properties-tightened'
  | 'constraint-changed'
  | 'schema-changed';

export interface BreakingChange {
  rule: BreakingRule;
  /** JSON-pointer-like path of the field: `/items/[]/sku`; '' for the event's data itself. */
  path: string;
  detail: string;
}

type Schema = Record<string, unknown>;

/** Keywords that only document: changing them never breaks a reader. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  'default',
  '$comment',
  '$schema',
  '$id',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
const OTHER_CONSTRAINTS = ['pattern', 'format', 'multipleOf', 'uniqueItems', 'contentEncoding', 'contentMediaType'];
const STRUCTURE = ['type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'oneOf', 'enum', 'const'];
const HANDLED = new Set([...STRUCTURE, ...LOWER_BOUNDS, ...UPPER_BOUNDS, ...OTHER_CONSTRAINTS]);

const isSchema = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);
const json = (value: unknown): string => JSON.stringify(value);
const show = (value: unknown): string => (value === undefined ? '(none)' : json(value));
const child = (path: string, key: string): string => `${path}/${key}`;

/** The keywords that constrain values: annotations and specification extensions removed. */
function constraining(schema: Schema): Schema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !ANNOTATIONS.has(key) && !key.startsWith('x-')));
}

/** The values of a closed vocabulary: `enum`, `const`, or a union of consts (TypeBox's Union of Literals). */
function enumValues(schema: Schema): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.map(json);
  if ('const' in schema) return [json(schema.const)];
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants) && variants.length > 0 && variants.every((v) => isSchema(v) && 'const' in v)) {
    return variants.map((v) => json((v as Schema).const));
  }
  return undefined;
}

/** A union that is not an enum: its keyword and variants. */
function unionOf(schema: Schema): { keyword: 'anyOf' | 'oneOf'; variants: Schema[] } | undefined {
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const variants = schema[keyword];
    if (Array.isArray(variants)) return { keyword, variants: variants.filter(isSchema) };
  }
  return undefined;
}

/** What a schema's values may be, for messages: `string`, `integer|null`, `any`. */
const typesOf = (schema: Schema): string => {
  const union = unionOf(schema);
  if (union) return [...new Set(union.variants.map((variant) => typesOf(constraining(variant))))].sort().join('|');
  const type = schema.type;
  if (type === undefined) return 'any';
  return (Array.isArray(type) ? [...type].sort() : [type]).join('|');
};

/** Every breaking change from `published` to `current`; [] when an integrator of `published` is safe. */
export function breakingChanges(published: Schema, current: Schema, path = ''): BreakingChange[] {
  const before = constraining(published);
  const after = constraining(current);
  const changes: BreakingChange[] = [];
  const report = (rule: BreakingRule, at: string, detail: string) => changes.push({ rule, path: at, detail });

  const beforeEnum = enumValues(before);
  const afterEnum = enumValues(after);
  if (beforeEnum || afterEnum) {
    if (!beforeEnum || !afterEnum) {
      report(
        'type-changed',
        path,
        `was ${beforeEnum ? `one of ${beforeEnum.join(', ')}` : typesOf(before)}, now ${afterEnum ? `one of ${afterEnum.join(', ')}` : typesOf(after)}`,
      );
      return changes;
    }
    for (const value of beforeEnum.filter((v) => !afterEnum.includes(v)))
      report('enum-value-removed', path, `${value} is no longer allowed`);
    for (const value of afterEnum.filter((v) => !beforeEnum.includes(v))) report('enum-value-added', path, `${value} is new`);
    return changes;
  }

  const beforeUnion = unionOf(before);
  const afterUnion = unionOf(after);
  if (beforeUnion && afterUnion && beforeUnion.keyword === afterUnion.keyword) {
    changes.push(...unionChanges(beforeUnion.variants, afterUnion.variants, path));
  } else if (beforeUnion || afterUnion) {
    report(
      'type-changed',
      path,
      `was ${typesOf(before)}${beforeUnion ? ` (${beforeUnion.keyword})` : ''}, now ${typesOf(after)}${afterUnion ? ` (${afterUnion.keyword})` : ''}`,
    );
  } else {
    if (typesOf(before) !== typesOf(after)) report('type-changed', path, `was ${typesOf(before)}, now ${typesOf(after)}`);
    changes.push(...objectChanges(before, after, path));
    if (isSchema(before.items) && isSchema(after.items)) changes.push(...breakingChanges(before.items, after.items, child(path, '[]')));
    else if (json(before.items) !== json(after.items))
      report('schema-changed', child(path, '[]'), `items was ${show(before.items)}, now ${show(after.items)}`);
  }

  for (const key of LOWER_BOUNDS) {
    if (json(before[key]) === json(after[key])) continue;
    const tightened = after[key] !== undefined && (before[key] === undefined || (after[key] as number) > (before[key] as number));
    report(
      'constraint-changed',
      path,
      `${key} ${show(before[key])} → ${show(after[key])} (${tightened ? 'tightened: published events may no longer validate' : 'loosened: consumers of the published version may reject new values'})`,
    );
  }
  for (const key of UPPER_BOUNDS) {
    if (json(before[key]) === json(after[key])) continue;
    const tightened = after[key] !== undefined && (before[key] === undefined || (after[key] as number) < (before[key] as number));
    report(
      'constraint-changed',
      path,
      `${key} ${show(before[key])} → ${show(after[key])} (${tightened ? 'tightened: published events may no longer validate' : 'loosened: consumers of the published version may reject new values'})`,
    );
  }
  for (const key of OTHER_CONSTRAINTS) {
    if (json(before[key]) !== json(after[key])) report('constraint-changed', path, `${key} ${show(before[key])} → ${show(after[key])}`);
  }
  const unknownKeys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !HANDLED.has(key)).sort();
  for (const key of unknownKeys) {
    if (json(before[key]) !== json(after[key])) report('schema-changed', path, `${key} changed; the checker cannot prove it compatible`);
  }
  return changes;
}

function objectChanges(before: Schema, after: Schema, path: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const beforeProps = isSchema(before.properties) ? before.properties : {};
  const afterProps = isSchema(after.properties) ? after.properties : {};
  const beforeRequired = new Set(Array.isArray(before.required) ? (before.required as string[]) : []);
  const afterRequired = new Set(Array.isArray(after.required) ? (after.required as string[]) : []);

  for (const [key, schema] of Object.entries(beforeProps)) {
    const next = afterProps[key];
    if (next === undefined)
      changes.push({
        rule: 'field-removed',
        path: child(path, key),
        detail: `${key} was ${beforeRequired.has(key) ? 'required' : 'optional'}`,
      });
    else if (isSchema(schema) && isSchema(next)) changes.push(...breakingChanges(schema, next, child(path, key)));
  }
  for (const key of afterRequired) {
    if (beforeRequired.has(key)) continue;
    if (key in beforeProps)
      changes.push({ rule: 'field-made-required', path: child(path, key), detail: `${key} was optional; published events may lack it` });
    else
      changes.push({
        rule: 'required-field-added',
        path: child(path, key),
        detail: `${key} is new and required; published events lack it`,
      });
  }
  for (const key of beforeRequired) {
    if (!afterRequired.has(key) && key in afterProps) {
      changes.push({
        rule: 'field-made-optional',
        path: child(path, key),
        detail: `${key} was required; consumers of the published version rely on it`,
      });
    }
  }

  const open = (schema: Schema) => schema.additionalProperties === undefined || schema.additionalProperties === true;
  if (after.additionalProperties === false && before.additionalProperties !== false) {
    changes.push({
      rule: 'additional-properties-tightened',
      path,
      detail: `additionalProperties ${show(before.additionalProperties)} → false: published events with other properties no longer validate`,
    });
  } else if (isSchema(before.additionalProperties) && isSchema(after.additionalProperties)) {
    changes.push(...breakingChanges(before.additionalProperties, after.additionalProperties, child(path, '*')));
  } else if (isSchema(after.additionalProperties) && open(before)) {
    changes.push({
      rule: 'additional-properties-tightened',
      path,
      detail: 'additionalProperties now constrains properties it accepted before',
    });
  }
  return changes;
}

/** Unions other than enums: each published variant must still exist (matched by type), and none may be added. */
function unionChanges(beforeVariants: Schema[], afterVariants: Schema[], path: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const unmatched = [...afterVariants];
  beforeVariants.forEach((variant, index) => {
    const sameType = unmatched.filter((candidate) => typesOf(constraining(candidate)) === typesOf(constraining(variant)));
    // Several variants of one type (unions of objects): the one at the same position, else the first.
    const match = sameType.includes(afterVariants[index]) ? afterVariants[index] : sameType[0];
    if (!match) {
      changes.push({ rule: 'type-changed', path, detail: `the ${typesOf(constraining(variant))} variant was removed` });
      return;
    }
    unmatched.splice(unmatched.indexOf(match), 1);
    changes.push(...breakingChanges(variant, match, path));
  });
  for (const variant of unmatched)
    changes.push({ rule: 'type-changed', path, detail: `a ${typesOf(constraining(variant))} variant was added` });
  return changes;
}
