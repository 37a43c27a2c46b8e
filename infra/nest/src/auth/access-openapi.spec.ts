import type { OpenAPIObject } from '@nestjs/swagger';
import { documentAccessRules } from './access-openapi';
import { AccessControlled, PUBLIC } from './access-table';

@AccessControlled({
  capability: 'gifts',
  operations: {
    wrap: { rule: 'gift.wrap_by_shop_staff', allow: { agent: 'shop', supervisor: 'shop', platform: 'any' }, resource: { kind: 'gift', param: 'giftId' } },
    ping: { rule: 'gift.ping_public', allow: PUBLIC },
  },
})
class GiftsController {
  wrap(): void {}
  ping(): void {}
  unruled(): void {}
}

const documentWith = (operationId: string): OpenAPIObject => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/gifts/{giftId}/wrap': { post: { operationId, responses: {} } } },
});
const operationOf = (document: OpenAPIObject) => document.paths['/gifts/{giftId}/wrap'].post as unknown as Record<string, unknown>;

describe('documentAccessRules', () => {
  it('given an operation under an access table, when documented, then x-access carries its rule and the ownership per role', () => {
    const operation = operationOf(documentAccessRules(documentWith(`${GiftsController.name}_wrap`)));

    expect(operation['x-access']).toEqual({ rule: 'gift.wrap_by_shop_staff', allow: { agent: 'shop', supervisor: 'shop', platform: 'any' } });
    expect(operation.description).toContain('gift.wrap_by_shop_staff');
  });

  it('given a public operation or one without a rule, when documented, then it has no x-access (a client offers nothing it cannot check)', () => {
    expect(operationOf(documentAccessRules(documentWith(`${GiftsController.name}_ping`)))['x-access']).toBeUndefined();
    expect(operationOf(documentAccessRules(documentWith(`${GiftsController.name}_unruled`)))['x-access']).toBeUndefined();
  });
});
