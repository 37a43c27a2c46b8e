import type { InjectionToken, Type } from '@nestjs/common';
import type { CallerRole } from './identity';

/**
 * Who may do what, as data: each capability lists every operation of its controllers (by controller method name)
 * with the roles allowed and, per role, the ownership the caller needs on the resource the operation touches.
 * The AccessGuard applies these tables at the edge, before any handler runs; an operation with no entry is refused.
 */

/** `own`: the resource's buyerId is the caller; `shop`: its shopId is one of the caller's shops; `any`: across shops. */
export type Ownership = 'own' | 'shop' | 'any';

/** Routes anyone may call without an identity (health). */
export const PUBLIC = 'public' as const;

/** Where the id of the resource an operation touches is read: a route parameter or a field of the JSON body. */
export interface ResourceRef {
  /** The resource kind, as the capability's owner lookups name it (`order`, `refund`…); also the 404's subject. */
  kind: string;
  param?: string;
  body?: string;
}

export interface OperationAccess {
  /** The rule a 403 names when the caller's role may not do this, e.g. `refund.approve_by_shop_staff`. */
  rule: string;
  /** The roles allowed and the ownership each needs; `public` for routes without a caller. */
  allow: Partial<Record<CallerRole, Ownership>> | typeof PUBLIC;
  /** The resource whose owner the ownership is checked against; none for collections (their lists are filtered). */
  resource?: ResourceRef;
}

/** The buyer and shop a resource belongs to. */
export interface ResourceOwner {
  buyerId?: string;
  shopId?: string;
}

/** How a capability finds the owner of a resource of each kind it serves, on its facade (or read side). */
export interface OwnerLookups<Facade = never> {
  /** The token the capability's facade is provided under. */
  token: InjectionToken;
  /** By resource kind: the owner, or undefined for an id the capability does not know. */
  kinds: Record<string, (facade: Facade, id: string) => Promise<ResourceOwner | undefined>>;
}

/** Owners that come with the request itself: `request_body` reads `buyerId`/`shopId` from the body (placing an order). */
export const REQUEST_BODY = 'request_body';

export interface AccessTable {
  capability: string;
  operations: Record<string, OperationAccess>;
  /** Lookups on any facade (`never`: each capability's table types its own). */
  owners?: OwnerLookups;
}

const ACCESS_TABLE = Symbol('aftersales.access-table');
const controlled = new Set<Type<unknown>>();

/** Puts a controller under an access table: `@AccessControlled(ORDERS_ACCESS)`. */
export function AccessControlled(table: AccessTable): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(ACCESS_TABLE, table, target);
    controlled.add(target as unknown as Type<unknown>);
  };
}

export function accessTableOf(controller: object): AccessTable | undefined {
  return Reflect.getMetadata(ACCESS_TABLE, controller) as AccessTable | undefined;
}

/** The rule of `controller.method`, or undefined when no table lists it (the guard refuses such a route). */
export function operationAccessOf(controller: object, method: string): OperationAccess | undefined {
  const operations = accessTableOf(controller)?.operations;
  return operations && Object.hasOwn(operations, method) ? operations[method] : undefined;
}

/** Every controller class put under a table (the OpenAPI coverage test maps operation ids to them). */
export const accessControlledControllers = (): readonly Type<unknown>[] => [...controlled];

/** Lets a table check itself against its controller: every entry names a method, so a rename cannot orphan a rule. */
export function unknownOperations(controller: Type<unknown>): string[] {
  const table = accessTableOf(controller);
  if (!table) return [];
  return Object.keys(table.operations).filter((method) => typeof (controller.prototype as Record<string, unknown>)[method] !== 'function');
}
