import type { TSchema } from '@sinclair/typebox';
import type { SchemaObject } from '@nestjs/swagger';

/** A TypeBox schema as a plain JSON object (TypeBox marks its schemas with symbol keys swagger must not see). */
export const toOpenApiSchema = (schema: TSchema): SchemaObject => JSON.parse(JSON.stringify(schema)) as SchemaObject;

const FieldErrorSchema: SchemaObject = {
  type: 'object',
  required: ['field', 'message'],
  properties: {
    field: { type: 'string', description: 'JSON pointer into the body or query (`/items/0/quantity`) or a header name' },
    message: { type: 'string' },
  },
};

/** application/problem+json as the kit sends it. */
export const ProblemSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://aftersales.dev/problems/invalid_input' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The request path' },
    code: { type: 'string', description: 'Stable machine-readable code (the rule id for 422)' },
    errors: { type: 'array', items: FieldErrorSchema, description: '400: one entry per bad field' },
    currentStatus: { type: 'string', description: '409: the status that made the transition illegal' },
    expectedRevision: { type: 'integer', description: '409 on a stale If-Match' },
    actualRevision: { oneOf: [{ type: 'integer' }, { type: 'string' }], description: '409 on a stale If-Match' },
    rule: { type: 'string', description: '422: the business rule that refused the command' },
    maxDepth: { type: 'integer', description: '400 json_too_deep: the nesting limit of a JSON body' },
    allowed: { type: 'array', items: { type: 'string' }, description: '405: the methods the path serves (also in Allow)' },
    accepted: { type: 'array', items: { type: 'string' }, description: '415: the media types a body may have' },
  },
};
