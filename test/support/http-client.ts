import { mintToken } from '@aftersales/nest';

/** A small fetch-based client for end-to-end tests: JSON in, status + headers + JSON out. */
export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Who calls (headers mode): `shops` are the shop staff's shop ids (X-Actor-Shops). */
export type Actor = { id: string; role: string; shops?: readonly string[] };

export const buyer: Actor = { id: 'buyer-1', role: 'buyer' };
/** Staff of shop-1, the shop of the fixtures' orders. */
export const agent: Actor = { id: 'agent-7', role: 'agent', shops: ['shop-1'] };
export const carrierWebhook: Actor = { id: 'carrier-sf', role: 'integrator' };
export const finance: Actor = { id: 'fin-1', role: 'finance' };
export const supervisor: Actor = { id: 'sup-1', role: 'supervisor', shops: ['shop-1'] };
/** The platform's staff (小二): reads every shop; the default reader of GETs. */
export const platform: Actor = { id: 'xiao-er-1', role: 'platform' };
/** Operations: /admin (clock, timers, projections, the fake payment provider's faults). */
export const ops: Actor = { id: 'ops', role: 'admin' };
export const admin: Actor = ops;

/** Who a test acts as unless it says: the admin on /admin, otherwise the buyer of the fixtures' orders. */
const defaultActorOf = (path: string): Actor => (path.startsWith('/admin/') ? admin : buyer);

/** Who a test reads as unless it says: the admin on /admin, finance on the ledger and payouts, else the platform. */
const defaultReaderOf = (path: string): Actor =>
  path.startsWith('/admin/') ? admin : path.startsWith('/ledger/') || path.startsWith('/payouts') ? finance : platform;

/** How a request names its caller: X-Actor-* headers (headers mode, the default) or a bearer token (bearerTokens). */
export type Credentials = (actor: Actor) => Record<string, string> | Promise<Record<string, string>>;

export class HttpClient {
  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials = actorHeaders,
  ) {}

  get<T = any>(path: string, actor: Actor = defaultReaderOf(path), headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    return this.send<T>('GET', path, undefined, actor, headers);
  }

  post<T = any>(path: string, body: unknown, actor: Actor = defaultActorOf(path), headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    return this.send<T>('POST', path, body, actor, headers);
  }

  put<T = any>(path: string, body: unknown, actor: Actor = buyer, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    return this.send<T>('PUT', path, body, actor, headers);
  }

  async send<T>(method: string, path: string, body?: unknown, actor?: Actor, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(actor ? await this.credentials(actor) : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
}

export function actorHeaders(actor: Actor): Record<string, string> {
  return {
    'x-actor-id': actor.id,
    'x-actor-role': actor.role,
    ...(actor.shops && actor.shops.length > 0 ? { 'x-actor-shops': actor.shops.join(',') } : {}),
  };
}

/** Credentials for a system in token mode: an HS256 token per actor, signed with the system's secret, minted once. */
export function bearerTokens(secret: string): Credentials {
  const minted = new Map<string, Promise<Record<string, string>>>();
  return (actor) => {
    const key = `${actor.id}\u0000${actor.role}\u0000${actor.shops?.join(',') ?? ''}`;
    let headers = minted.get(key);
    if (!headers) {
      headers = mintToken({ secret, sub: actor.id, role: actor.role as Parameters<typeof mintToken>[0]['role'], shopIds: actor.shops, ttl: '2h' }).then((token) => ({
        authorization: `Bearer ${token}`,
      }));
      minted.set(key, headers);
    }
    return headers;
  };
}
