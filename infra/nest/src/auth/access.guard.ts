import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { notFound } from '@aftersales/kernel';
import type { HttpRequestLike } from '../http/http-types';
import { problem, ProblemException } from '../http/problem';
import { accessTableOf, PUBLIC, REQUEST_BODY, type AccessTable, type OperationAccess, type Ownership, type ResourceOwner, type ResourceRef } from './access-table';
import { identityOf, type Identity } from './identity';
import { holds, sees } from './ownership';

export const forbidden = (rule: string, detail: string, extra: Record<string, unknown> = {}): ProblemException =>
  new ProblemException(problem(403, 'forbidden', detail, { rule, ...extra }));

export const unauthenticated = (): ProblemException =>
  new ProblemException(problem(401, 'unauthenticated', 'This route needs a verified caller', { rule: 'auth.caller_required' }));

type RequestWithParams = HttpRequestLike & { params?: Record<string, string> };

/**
 * The edge's authorisation: applies the access table of the route's controller (see access-table.ts) to the caller
 * authentication set on the request. No rule → 403 (never open); no caller → 401; a role the rule does not allow →
 * 403 naming the rule; a resource the caller may not see → 404 as for an unknown id; one it sees but does not own as
 * the rule asks → 403 naming the ownership rule. It runs before the handler, so a refusal appends nothing.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** Owner lookups' facades by token: singletons, found once instead of searched for across modules per request. */
  private readonly facades = new Map<unknown, unknown>();

  constructor(private readonly modules: ModuleRef) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const table = accessTableOf(context.getClass());
    const method = context.getHandler().name;
    const access = table && Object.hasOwn(table.operations, method) ? table.operations[method] : undefined;
    if (!table || !access) {
      throw forbidden('access.no_rule', `${context.getClass().name}.${method} has no access rule: refused until one is written`);
    }
    if (access.allow === PUBLIC) return true;
    const req = context.switchToHttp().getRequest<RequestWithParams>();
    const identity = identityOf(req);
    if (!identity) throw unauthenticated();
    const ownership = access.allow[identity.role];
    if (!ownership) {
      throw forbidden(access.rule, `${access.rule}: the role ${identity.role} may not do this`, { allowedRoles: Object.keys(access.allow) });
    }
    return this.ownsResource(table, access, req, identity, ownership);
  }

  private async ownsResource(table: AccessTable, access: OperationAccess, req: RequestWithParams, identity: Identity, ownership: Ownership): Promise<boolean> {
    const resource = access.resource;
    if (!resource) return true;
    const id = idOf(resource, req);
    const owner = await this.ownerOf(table, resource, id, req);
    // An id the capability does not know: the handler answers it (404, or 400 for a malformed body).
    if (!owner) return true;
    // A resource the request creates (placing an order) exists for nobody yet: there is nothing to hide.
    if (resource.kind !== REQUEST_BODY && !sees(identity, owner)) throw notFound(resource.kind, id ?? '');
    if (!holds(identity, ownership, owner)) {
      const rule = `${access.rule.split('.')[0]}.${ownership === 'own' ? 'buyer_own' : 'shop_staff'}`;
      throw forbidden(rule, `${access.rule}: only ${ownership === 'own' ? 'the buyer of' : 'the staff of the shop of'} the ${resource.kind} may do this`);
    }
    return true;
  }

  private async ownerOf(table: AccessTable, resource: ResourceRef, id: string | undefined, req: RequestWithParams): Promise<ResourceOwner | undefined> {
    if (resource.kind === REQUEST_BODY) {
      const body = (req.body ?? {}) as Record<string, unknown>;
      return { buyerId: stringOr(body.buyerId), shopId: stringOr(body.shopId) };
    }
    if (id === undefined) return undefined;
    const lookup = table.owners?.kinds[resource.kind];
    if (!table.owners || !lookup) throw new Error(`access table ${table.capability} has no owner lookup for ${resource.kind}`);
    return lookup(this.facadeOf(table.owners.token), id);
  }

  private facadeOf(token: NonNullable<AccessTable['owners']>['token']): never {
    if (!this.facades.has(token)) this.facades.set(token, this.modules.get<unknown, never>(token, { strict: false }));
    return this.facades.get(token) as never;
  }
}

const stringOr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function idOf(resource: ResourceRef, req: RequestWithParams): string | undefined {
  if (resource.param) return req.params?.[resource.param];
  if (resource.body) return stringOr(((req.body ?? {}) as Record<string, unknown>)[resource.body]);
  return undefined;
}
