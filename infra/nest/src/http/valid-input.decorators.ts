import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';
import type { HttpRequestLike } from './http-types';
import { toOpenApiSchema } from './openapi-schema';
import { badRequest } from './problem';
import { validate } from './validation';

/** Set on a handler once its body is documented, so @ApiCommand({ body }) does not document it twice. */
export const BODY_DOCUMENTED = 'aftersales:body-documented';

const bodyParam = createParamDecorator((schema: TSchema, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<HttpRequestLike>();
  // An empty POST (`{}` commands) arrives without a body; it means an empty object.
  const result = validate(schema, req.body ?? {});
  if (!result.ok) throw badRequest('The request body is invalid', result.errors);
  return result.value;
});

const queryParam = createParamDecorator((schema: TSchema, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<HttpRequestLike>();
  const result = validate(schema, req.query ?? {}, { convert: true });
  if (!result.ok) throw badRequest('The query string is invalid', result.errors);
  return result.value;
});

/**
 * The request body validated against a TypeBox schema (defaults applied); 400 problem+json with one
 * entry per bad field otherwise. Also documents the body in OpenAPI.
 */
export function ValidBody(schema: TSchema): ParameterDecorator {
  return (target, key, index) => {
    bodyParam(schema)(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key === undefined || !descriptor) return;
    // A schema every field of which is optional also accepts no body at all (it reads as {}): say so.
    ApiBody({ schema: toOpenApiSchema(schema), required: !validate(schema, {}).ok })(target, key, descriptor);
    Reflect.defineMetadata(BODY_DOCUMENTED, true, descriptor.value as object);
  };
}

/** The query string validated against a TypeBox object schema, numeric and boolean strings converted. */
export function ValidQuery(schema: TSchema): ParameterDecorator {
  return (target, key, index) => {
    queryParam(schema)(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key === undefined || !descriptor) return;
    const json = toOpenApiSchema(schema);
    const required = new Set<string>(Array.isArray(json.required) ? json.required : []);
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      ApiQuery({ name, required: required.has(name), schema: property })(target, key, descriptor);
    }
  };
}
