/** A small fetch-based client for end-to-end tests: JSON in, status + headers + JSON out. */
export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Who a request acts as: the systems under test run in headers mode, so it goes in X-Actor-Id/-Role/-Shops. */
export type Actor = { id: string; role: string; shops?: readonly string[] };

export const buyer: Actor = { id: 'buyer-1', role: 'buyer' };
export const agent: Actor = { id: 'agent-7', role: 'agent' };
export const carrierWebhook: Actor = { id: 'carrier-sf', role: 'integrator' };
export const finance: Actor = { id: 'fin-1', role: 'finance' };
export const supervisor: Actor = { id: 'sup-1', role: 'supervisor' };
/** Operations: the /admin routes (clock, settle, the fake payment provider's faults). */
export const admin: Actor = { id: 'ops', role: 'admin' };
export const ops: Actor = admin;

export class HttpClient {
  constructor(readonly baseUrl: string) {}

  get<T = any>(path: string, actor: Actor = buyer, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    return this.send<T>('GET', path, undefined, actor, headers);
  }

  post<T = any>(path: string, body: unknown, actor: Actor = buyer, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
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
        ...(actor ? actorHeaders(actor) : {}),
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
