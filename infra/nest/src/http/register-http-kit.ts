import type { INestApplication } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { telemetry } from '@aftersales/kernel';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentAccessRules } from '../auth/access-openapi';
import { AccessGuard } from '../auth/access.guard';
import { authenticationMiddleware } from '../auth/authentication.middleware';
import type { Authenticator } from '../auth/authenticator';
import { completeEdgeResponses, linkCreatedResources, OPENAPI_VERSION, requireCaller } from './openapi-document';
import { ProblemDetailsFilter } from './problem-details.filter';
import { httpServerSpans } from './http-server-spans';
import { ProblemSchema } from './openapi-schema';
import {
  answerUnreadableRequests,
  BodylessRouteGuard,
  DEFAULT_MAX_JSON_DEPTH,
  inOrder,
  jsonContentTypeOnly,
  jsonDepthLimit,
  methodNotAllowed,
  type Middleware,
} from './request-guards';
import { smallJsonBody } from './small-json-body';
import { behindApiRoutes, takeJsonParser } from './express-layers';

export interface HttpKitOptions {
  title: string;
  version: string;
  description?: string;
  /** Largest JSON body accepted (bigger → 413 problem). Default `1mb`. */
  jsonBodyLimit?: string;
  /** Deepest nesting of arrays/objects a JSON body may have (deeper → 400 problem). Default 32. */
  maxJsonDepth?: number;
  /** Who calls: runs before anything else on every route but health and the OpenAPI document (401 without a caller). */
  authenticator: Authenticator;
  /** Default `/openapi.json`. */
  openApiPath?: string;
  /** Swagger UI; default `/docs`. */
  docsPath?: string;
  /**
   * Handlers of paths outside the API (a static console), run first in the edge's layer: each answers its own paths
   * and passes any other request on; none of the edge (405s, authentication, JSON bodies) applies to what they answer.
   */
  ahead?: Middleware[];
}

/**
 * The HTTP conventions of every service: problem+json errors, authentication before any body is read (the verified caller on the
 * request, else 401), the edge's guards (unreadable requests, 405 with Allow,
 * JSON bodies only, a body size and nesting limit, no body where none is taken), and the OpenAPI 3.1 document
 * (generated from the controllers, with every problem the edge answers) at /openapi.json with Swagger UI at /docs.
 * Call before `app.init()`/`listen()`.
 */
export function registerHttpKit(app: INestApplication, options: HttpKitOptions): OpenAPIObject {
  // A span around every request, first, so everything the request starts nests under it (only when tracing is on).
  if (telemetry().enabled) app.use(httpServerSpans());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Authorisation first: the access table of every route (a route without one is refused).
  app.useGlobalGuards(new AccessGuard(app.get(ModuleRef)), new BodylessRouteGuard());
  answerUnreadableRequests(app.getHttpServer());
  // In this order, in one Express layer (each layer costs Express a dispatch per request) ahead of any parser Nest
  // registers at init (which finds the body read and skips it): route and method, who calls, content type, the body
  // (the common small JSON body read here, the rest by the JSON parser with its size limit), the nesting limit.
  // What a path serves is public (the OpenAPI document), so 405 comes first; then who calls; then the content type.
  const use = (middleware: Middleware) => app.use(middleware);
  const jsonBodyLimit = options.jsonBodyLimit ?? '1mb';
  const depthLimit = jsonDepthLimit(options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH);
  const body: { parser?: Middleware } = {};
  use(
    inOrder(
      ...(options.ahead ?? []),
      methodNotAllowed(() => app.getHttpAdapter().getInstance()),
      authenticationMiddleware(options.authenticator),
      jsonContentTypeOnly(),
      smallJsonBody(jsonBodyLimit, (req, res, next) => (body.parser ? body.parser(req, res, next) : next())),
      depthLimit,
    ),
  );
  body.parser = takeJsonParser(app, jsonBodyLimit);
  if (!body.parser) use(depthLimit); // the parser stayed a layer of its own, after the one above: check what it read

  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .setDescription(
      options.description ??
        'Errors are application/problem+json. Every route but /health needs a caller (Authorization: Bearer <JWT>). Commands accept Idempotency-Key and If-Match.',
    )
    .setOpenAPIVersion(OPENAPI_VERSION)
    .build();
  const document = documentAccessRules(
    requireCaller(linkCreatedResources(completeEdgeResponses(SwaggerModule.createDocument(app, config)))),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: ProblemSchema } };

  const openApiPath = options.openApiPath ?? '/openapi.json';
  // Behind the API's routes: API requests do not walk past the document's and Swagger UI's routes first.
  behindApiRoutes(app, () => {
    app.getHttpAdapter().get(openApiPath, (_req: unknown, res: { setHeader(n: string, v: string): void; end(b: string): void }) => {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(document));
    });
    SwaggerModule.setup(options.docsPath ?? '/docs', app, document, {
      raw: false,
      customSiteTitle: `${options.title} API`,
      swaggerOptions: { url: openApiPath },
    });
  });
  return document;
}
