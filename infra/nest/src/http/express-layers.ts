import type { INestApplication } from '@nestjs/common';
import type { Middleware } from './request-guards';

/**
 * Express walks its layers in order for every request, testing each route's path until one matches: what sits in
 * front of the API's routes costs every API request. These helpers move layers the kit registers out of that path.
 */

interface Layer {
  name?: string;
  handle?: unknown;
  route?: unknown;
}
export interface BodyParserConfigurable {
  useBodyParser?(type: string, options?: { limit?: string; strict?: boolean }): unknown;
}
interface ExpressLike {
  router?: { stack?: Layer[] };
  _router?: { stack?: Layer[] };
}

/** The app's Express layers, in the order requests meet them; undefined under another HTTP adapter. */
export function expressLayersOf(app: INestApplication): Layer[] | undefined {
  const instance = app.getHttpAdapter().getInstance() as ExpressLike | undefined;
  const stack = (instance?.router ?? instance?._router)?.stack;
  return Array.isArray(stack) ? stack : undefined;
}

/**
 * Registers the JSON parser with Nest (`useBodyParser`, so Nest's body options apply) and takes it back out of
 * Express' layers, for the caller to run inside a layer of its own; undefined when the adapter does not allow that,
 * and the parser then stays a layer after those registered before.
 */
export function takeJsonParser(app: INestApplication & BodyParserConfigurable, limit: string): Middleware | undefined {
  const layers = expressLayersOf(app);
  const before = layers?.length ?? 0;
  app.useBodyParser?.('json', { limit });
  if (!layers || layers.length !== before + 1) return undefined;
  const added = layers[layers.length - 1];
  if (typeof added.handle !== 'function' || added.handle.name !== 'jsonParser') return undefined;
  layers.pop();
  return added.handle as Middleware;
}

/**
 * Runs `register` and moves the layers it adds behind the routes Nest registers at init (ahead of Nest's 404
 * handler, which it sets right after them): routes of their own (the OpenAPI document, Swagger UI) then cost API
 * requests nothing. Their paths must not overlap the API's. Before init only; afterwards the layers stay where they are.
 */
export function behindApiRoutes(app: INestApplication, register: () => void): void {
  const layers = expressLayersOf(app);
  const adapter = app.getHttpAdapter() as { setNotFoundHandler?: (...args: unknown[]) => unknown };
  const initialized = (app as unknown as { isInitialized?: boolean }).isInitialized === true;
  const from = layers?.length;
  register();
  if (!layers || from === undefined || initialized || typeof adapter.setNotFoundHandler !== 'function') return;
  const moved = layers.splice(from);
  const setNotFoundHandler = adapter.setNotFoundHandler.bind(adapter);
  adapter.setNotFoundHandler = (...args: unknown[]) => {
    layers.push(...moved.splice(0));
    return setNotFoundHandler(...args);
  };
}
