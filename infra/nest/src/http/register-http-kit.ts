import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemSchema } from './openapi-schema';

export interface HttpKitOptions {
  title: string;
  version: string;
  description?: string;
  /** Largest JSON body accepted (bigger → 413 problem). Default `1mb`. */
  jsonBodyLimit?: string;
  /** Default `/openapi.json`. */
  openApiPath?: string;
  /** Swagger UI; default `/docs`. */
  docsPath?: string;
}

interface BodyParserConfigurable {
  useBodyParser?(type: string, options?: { limit?: string }): unknown;
}

/**
 * The HTTP conventions of every service: problem+json errors, the JSON body limit, and the OpenAPI document
 * (generated from the controllers) at /openapi.json with Swagger UI at /docs. Call before `app.init()`/`listen()`.
 */
export function registerHttpKit(app: INestApplication, options: HttpKitOptions): OpenAPIObject {
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Registered before Nest's default parser, so this limit is the one that applies.
  (app as INestApplication & BodyParserConfigurable).useBodyParser?.('json', { limit: options.jsonBodyLimit ?? '1mb' });

  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .setDescription(
      options.description ??
        'Errors are application/problem+json. Commands accept Idempotency-Key and If-Match, and name who acts in X-Actor-Id / X-Actor-Role.',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: ProblemSchema } };

  const openApiPath = options.openApiPath ?? '/openapi.json';
  app.getHttpAdapter().get(openApiPath, (_req: unknown, res: { setHeader(n: string, v: string): void; end(b: string): void }) => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(document));
  });
  SwaggerModule.setup(options.docsPath ?? '/docs', app, document, {
    raw: false,
    customSiteTitle: `${options.title} API`,
    swaggerOptions: { url: openApiPath },
  });
  return document;
}
