import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { registerStandardFormats } from './formats';
import { withSchemaDefaults } from './schema-defaults';
import type { FieldError } from './problem';

registerStandardFormats();

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerFor<T extends TSchema>(schema: T): TypeCheck<T> {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    compiled.set(schema, checker);
  }
  return checker as TypeCheck<T>;
}

export interface ValidateOptions {
  /**
   * Query strings: a string that is written as a number (JSON's grammar) becomes a number where the schema asks for
   * one, `true`/`false` a boolean where it asks for a boolean; nothing else is converted (`?limit=true` stays a
   * string, so it is refused).
   */
  convert?: boolean;
}

export type Validated<T extends TSchema> = { ok: true; value: Static<T> } | { ok: false; errors: FieldError[] };

/**
 * Validates a copy of `input` (the request keeps what the client sent, e.g. for the idempotency hash) after
 * applying schema defaults (see withSchemaDefaults). Reports one error per bad field, the first TypeBox gives for it. A schema without
 * defaults changes nothing, so its input is checked as it is, without a copy.
 */
export function validate<T extends TSchema>(schema: T, input: unknown, options: ValidateOptions = {}): Validated<T> {
  let value = withSchemaDefaults(schema, input);
  if (options.convert) value = convertQueryStrings(schema, value);
  const checker = checkerFor(schema);
  if (checker.Check(value)) return { ok: true, value: value as Static<T> };
  const byField = new Map<string, string>();
  for (const error of checker.Errors(value)) {
    const field = error.path === '' ? '/' : error.path;
    if (!byField.has(field)) byField.set(field, messageOf(error));
  }
  return { ok: false, errors: [...byField].map(([field, message]) => ({ field, message })) };
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** The JSON types a (sub)schema accepts: its `type`, or those of its `anyOf` members. */
function typesOf(schema: TSchema | undefined): Set<string> {
  const types = new Set<string>();
  if (!schema) return types;
  if (typeof schema.type === 'string') types.add(schema.type);
  if (Array.isArray(schema.type)) for (const type of schema.type as string[]) types.add(type);
  for (const member of (schema.anyOf as TSchema[] | undefined) ?? []) for (const type of typesOf(member)) types.add(type);
  return types;
}

/** One query value, converted only when it is written exactly as the type the schema asks for. */
function convertQueryString(schema: TSchema | undefined, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const types = typesOf(schema);
  if (types.has('string')) return value;
  if ((types.has('integer') || types.has('number')) && JSON_NUMBER.test(value)) return Number(value);
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Converts each top-level query parameter (a query string is flat) by the property schema that names it. */
function convertQueryStrings(schema: TSchema, input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const properties = (schema.properties ?? {}) as Record<string, TSchema>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) out[key] = convertQueryString(properties[key], value);
  return out;
}

/** TypeBox's messages, said the way an API client needs them where they are vague. */
function messageOf(error: ValueError): string {
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'required';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknown field';
    case ValueErrorType.Union: {
      const options = (error.schema.anyOf as TSchema[] | undefined)?.map((option) => option.const);
      const literals = options?.every((value) => typeof value === 'string' || typeof value === 'number');
      return literals && options ? `must be one of ${options.join(', ')}` : error.message;
    }
    default:
      return error.message;
  }
}
