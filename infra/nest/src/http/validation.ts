import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import { registerStandardFormats } from './formats';
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
  /** Convert strings to the numbers/booleans the schema asks for (query strings). */
  convert?: boolean;
}

export type Validated<T extends TSchema> = { ok: true; value: Static<T> } | { ok: false; errors: FieldError[] };

/**
 * Validates a copy of `input` (the request keeps what the client sent, e.g. for the idempotency hash) after
 * applying schema defaults. Reports one error per bad field, the first TypeBox gives for it.
 */
export function validate<T extends TSchema>(schema: T, input: unknown, options: ValidateOptions = {}): Validated<T> {
  let value = Value.Default(schema, Value.Clone(input));
  if (options.convert) value = Value.Convert(schema, value);
  const checker = checkerFor(schema);
  if (checker.Check(value)) return { ok: true, value: value as Static<T> };
  const byField = new Map<string, string>();
  for (const error of checker.Errors(value)) {
    const field = error.path === '' ? '/' : error.path;
    if (!byField.has(field)) byField.set(field, messageOf(error));
  }
  return { ok: false, errors: [...byField].map(([field, message]) => ({ field, message })) };
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
