import type { OpenAPIObject } from '@nestjs/swagger';
import { isPublicPath } from '../auth/auth-settings';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** The version the document declares: 3.1, whose schemas are JSON Schema 2020-12, so TypeBox's (`const`, `anyOf`) are valid as they are. */
export const OPENAPI_VERSION = '3.1.0';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const BODY_METHODS = new Set(['post', 'put', 'patch']);

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ in?: string; name?: string }>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The problems the edge itself answers, listed once here rather than on each route: whatever a route does, its
 * request passes the HTTP kit's guards first. Added to every operation they apply to (a route's own, more specific
 * description wins):
 * - a POST/PUT/PATCH: 400 (malformed JSON, JSON nested too deep, a body where none is taken, invalid fields),
 *   413 (body over the limit), 415 (a body that is not application/json);
 * - query or header parameters: 400 (one entry per bad parameter);
 * - path parameters: 404 (nothing by that id).
 * Methods a path does not serve answer 405 with Allow; they are, by definition, not operations of the document.
 */
export function completeEdgeResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      const add = (status: number, description: string) => {
        responses[String(status)] ??= problemResponse(description);
      };
      const parameters = operation.parameters ?? [];
      if (BODY_METHODS.has(method)) {
        add(400, 'Malformed request: unparseable JSON, JSON nested too deep, a body where none is taken, or invalid fields (one entry per field)');
        add(413, 'The body is larger than the limit');
        add(415, 'The body is not application/json');
      }
      if (parameters.some((p) => p.in === 'query' || p.in === 'header')) add(400, 'Invalid parameters: one entry per bad query parameter or header');
      if (parameters.some((p) => p.in === 'path')) add(404, 'Unknown resource');
    }
  }
  return document;
}

interface CreatedResponse {
  content?: Record<string, { schema?: { properties?: Record<string, unknown> } }>;
  links?: Record<string, unknown>;
}

/**
 * OpenAPI links from each create (`POST /orders` → 201 with an `id`) to every operation on that resource
 * (`/orders/{orderId}…`), the id taken from the created body: clients and fuzzers can follow a new resource through
 * its life instead of guessing ids.
 */
export function linkCreatedResources(document: OpenAPIObject): OpenAPIObject {
  const paths = document.paths ?? {};
  for (const [collection, item] of Object.entries(paths)) {
    if (collection.includes('{')) continue;
    const created = (item as Record<string, Operation | undefined>).post?.responses?.['201'] as CreatedResponse | undefined;
    if (!created?.content?.['application/json']?.schema?.properties?.id) continue;
    for (const [path, target] of Object.entries(paths)) {
      const param = new RegExp(`^${collection.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\{([^}]+)\\}(/|$)`).exec(path)?.[1];
      if (!param) continue;
      for (const method of METHODS) {
        const operation = (target as Record<string, Operation | undefined>)[method];
        if (!operation?.operationId) continue;
        created.links = {
          ...created.links,
          [operation.operationId]: { operationId: operation.operationId, parameters: { [`path.${param}`]: '$response.body#/id' } },
        };
      }
    }
  }
  return document;
}

/** The name of the bearer security scheme in the document. */
export const BEARER_SCHEME = 'bearer';

/**
 * Every operation needs a caller (a bearer JWT: `sub`, `role`, `shop_ids`, `exp`), declared once as the document's
 * security requirement, and answers 401 without one; the public ones (health) say they need none.
 */
export function requireCaller(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    securitySchemes: {
      ...document.components?.securitySchemes,
      [BEARER_SCHEME]: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A JWT with claims sub (the caller), role (buyer, agent, supervisor, platform, finance, integrator, admin), shop_ids (shop staff) and exp',
      },
    },
  };
  document.security = [{ [BEARER_SCHEME]: [] }];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      if (isPublicPath(path)) {
        operation.security = [];
        continue;
      }
      (operation.responses ??= {})['401'] ??= {
        ...problemResponse('No caller: the Authorization header is missing or malformed, or the token is invalid or expired'),
        headers: { 'WWW-Authenticate': { description: 'Bearer, with the reason a token was refused', required: true, schema: { type: 'string' } } },
      };
    }
  }
  return document;
}
