import { applyDecorators, HttpCode, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';
import { COMMAND_HEADERS, IF_MATCH_PATTERN, MAX_HEADER_VALUE } from './command-context';
import { IDEMPOTENCY_REQUIRED } from './command-ctx.decorator';
import { ProblemSchema, toOpenApiSchema } from './openapi-schema';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { BODY_DOCUMENTED } from './valid-input.decorators';
import { validate } from './validation';

export interface ApiCommandOptions {
  summary: string;
  description?: string;
  /** The body schema; not needed when the handler uses @ValidBody (it documents the body itself). */
  body?: TSchema;
  /** Schema of the resource view; `revision` and `eventIds` are added. */
  response?: TSchema;
  /** Success status, 200 unless told (e.g. 201 for a create, 202 for an accepted report). */
  status?: number;
  /** Money-moving commands: Idempotency-Key must be sent, else 400. */
  idempotencyRequired?: boolean;
}

const problemResponse = (status: number, description: string) =>
  ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } });

const commandOutcome = (response: TSchema | undefined): SchemaObject => {
  const outcome: Record<string, SchemaObject> = {
    revision: { type: 'integer', description: 'The resource revision after the command (also the ETag)' },
    eventIds: { type: 'array', items: { type: 'string' }, description: 'Ids of the events the command appended' },
  };
  if (!response) return { type: 'object', properties: outcome, required: ['revision', 'eventIds'] };
  const view = toOpenApiSchema(response);
  if (view.type === 'object') {
    return {
      ...view,
      properties: { ...view.properties, ...outcome },
      required: [...new Set([...(view.required ?? []), 'revision', 'eventIds'])],
    };
  }
  return { allOf: [view, { type: 'object', properties: outcome, required: ['revision', 'eventIds'] }] };
};

/**
 * Documents a command endpoint (operation, body, headers, success and problem responses), sets its success
 * status and whether it requires an Idempotency-Key.
 */
export function ApiCommand(options: ApiCommandOptions): MethodDecorator {
  const status = options.status ?? 200;
  return (target, key, descriptor) => {
    const decorators: MethodDecorator[] = [
      SetMetadata(IDEMPOTENCY_REQUIRED, options.idempotencyRequired === true),
      HttpCode(status),
      ApiOperation({ summary: options.summary, description: options.description }),
      ApiHeader({
        name: COMMAND_HEADERS.idempotencyKey,
        required: options.idempotencyRequired === true,
        description: 'Same key + same body: the first response is replayed (Idempotent-Replayed: true); another body: 422',
        schema: {
          type: 'string',
          pattern: options.idempotencyRequired === true ? `^\\s*[\\x21-\\x7e]{1,${MAX_HEADER_VALUE}}\\s*$` : `^\\s*([\\x21-\\x7e]{1,${MAX_HEADER_VALUE}})?\\s*$`,
        },
      }),
      ApiHeader({
        name: COMMAND_HEADERS.ifMatch,
        required: false,
        description: 'Revision last seen (3, "3" or W/"3"; * or empty: any); 409 when stale',
        schema: { type: 'string', pattern: IF_MATCH_PATTERN },
      }),
      ApiHeader({
        name: COMMAND_HEADERS.correlationId,
        required: false,
        description: 'Correlates every event this request causes (a new one is made when absent or not 1-255 printable characters)',
        schema: { type: 'string' },
      }),
      ApiResponse({
        status,
        description: 'The resource after the command, with its revision and the ids of the appended events',
        schema: commandOutcome(options.response),
        headers: { ETag: { description: 'The resource revision, quoted', schema: { type: 'string' } } },
      }),
      problemResponse(400, 'Malformed or invalid input: one entry per bad field or header'),
      problemResponse(403, 'The acting role may not do this (names the roles that may)'),
      problemResponse(404, 'Unknown resource'),
      problemResponse(409, 'Illegal transition (names the current status) or stale If-Match revision'),
      problemResponse(422, 'A business rule refused the command (names the rule), or an Idempotency-Key reused with another body'),
    ];
    const bodyDocumented = descriptor.value !== undefined && Reflect.getMetadata(BODY_DOCUMENTED, descriptor.value as object) === true;
    if (options.body && !bodyDocumented) decorators.push(ApiBody({ schema: toOpenApiSchema(options.body), required: !validate(options.body, {}).ok }));
    applyDecorators(...decorators)(target, key, descriptor);
  };
}

/** Documents a read endpoint: its response schema and the 404 problem. */
export function ApiRead(options: { summary: string; description?: string; response?: TSchema }): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiResponse({
      status: 200,
      description: 'The resource (its revision is also the ETag)',
      ...(options.response ? { schema: toOpenApiSchema(options.response) } : {}),
    }),
    problemResponse(400, 'Invalid query'),
    problemResponse(404, 'Unknown resource'),
  );
}
