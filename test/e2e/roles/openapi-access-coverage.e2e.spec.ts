import { accessControlledControllers, operationAccessOf, unknownOperations } from '@aftersales/nest';
import { useTestSystem } from '../../support/embedded-system';

type OpenApi = { paths: Record<string, Record<string, { operationId?: string }>> };
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document whose controller method (Nest's operationId `Controller_method`) has no access rule. */
function operationsWithoutRule(document: OpenApi): string[] {
  const controllers = new Map(accessControlledControllers().map((controller) => [controller.name, controller]));
  const missing: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      const [controllerName, handler] = (operation.operationId ?? '').split('_');
      const controller = controllers.get(controllerName);
      if (!controller || !handler || !operationAccessOf(controller, handler)) missing.push(`${method.toUpperCase()} ${path} (${operation.operationId ?? 'no operationId'})`);
    }
  }
  return missing;
}

describe('OpenAPI access coverage', () => {
  const t = useTestSystem('all');

  it('given /openapi.json, then every operation has an access rule (an operation without one fails this test)', async () => {
    const document = (await t.api.get('/openapi.json')).body as OpenApi;
    const operations = Object.values(document.paths).flatMap((ops) => Object.keys(ops).filter((m) => METHODS.has(m)));

    expect(operations.length).toBeGreaterThan(30);
    expect(operationsWithoutRule(document)).toEqual([]);
  });

  it('given an operation no table lists, then the coverage check names it', () => {
    const document: OpenApi = { paths: { '/orders/{orderId}/gift-wrap': { post: { operationId: 'OrdersController_giftWrap' } } } };
    expect(operationsWithoutRule(document)).toEqual(['POST /orders/{orderId}/gift-wrap (OrdersController_giftWrap)']);
  });

  it('given every access table, then each entry names a method of its controller (a renamed handler cannot leave a stale rule)', () => {
    const stale = accessControlledControllers().flatMap((controller) => unknownOperations(controller).map((method) => `${controller.name}.${method}`));
    expect(stale).toEqual([]);
  });
});
