import { Agent, request } from 'node:http';

/** Plain fetch calls to the platform's public HTTP API (/work/shared/api.md), for setting up and checking scenarios. */

// The server runs in headers mode (loopback): who calls is in X-Actor-*; the agent works for the shop of every order placed here.
export const agentHeaders = { 'x-actor-id': 'agent-7', 'x-actor-role': 'agent', 'x-actor-shops': 'shop-1', 'content-type': 'application/json' };
export const buyerHeaders = { 'x-actor-id': 'buyer-1', 'x-actor-role': 'buyer', 'content-type': 'application/json' };
/** Finance: the ledger and its reconciliation. */
export const financeHeaders = { 'x-actor-id': 'fin-1', 'x-actor-role': 'finance', 'content-type': 'application/json' };
/** The operator: /admin routes (settle, the fake payment provider). */
export const adminHeaders = { 'x-actor-id': 'ops', 'x-actor-role': 'admin', 'content-type': 'application/json' };
export const address = { name: 'Li Lei', phone: '13800000000', province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', street: '1 Wensan Road' };

export const placeOrderBody = (buyerId = 'buyer-1', shopId = 'shop-1', unitPrice = 10_000): object => ({
  buyerId,
  shopId,
  items: [{ sku: 'tea', title: 'Tea', quantity: 1, unitPrice }],
  shippingFee: 0,
  paymentMethod: 'online',
  address,
});

export const noteBody = (sequence: number): string => JSON.stringify({ text: `called the buyer about parcel ${sequence}`, flag: 'yellow' });

export interface Answer {
  status: number;
  bytes: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers; the scenarios read what they need
  body: any;
}

export async function call(url: string, method: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
  return { status: response.status, bytes: Buffer.byteLength(text), body: text ? (JSON.parse(text) as unknown) : undefined };
}

/**
 * A JSON POST over plain node:http with kept-alive connections, for load loops: fetch spends ~0.5 ms of the bench
 * process's CPU per request, and on a small machine that CPU is taken from the server being measured.
 */
export function postJson(url: string, body: unknown, headers: Record<string, string>, agent: Agent): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 300) reject(new Error(`POST ${url}: ${status} ${text.slice(0, 500)}`));
        else resolve(status);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `work` on every item with at most `concurrency` in flight. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/** Places and pays `count` orders, `concurrency` at a time; returns their ids. */
export async function placePaidOrders(url: string, count: number, concurrency = 16, tag = 'o'): Promise<string[]> {
  const ids: string[] = new Array<string>(count);
  await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const order = (await call(`${url}/orders`, 'POST', placeOrderBody(), { ...buyerHeaders, 'idempotency-key': `place-${tag}-${i}` })).body as { id: string; total: number };
      await call(`${url}/orders/${order.id}/payment`, 'POST', { amount: order.total, paymentRef: `p-${tag}-${i}` }, { ...buyerHeaders, 'idempotency-key': `pay-${tag}-${i}` });
      ids[i] = order.id;
    },
  );
  return ids;
}

/** Returns once every consumer and projection has processed the log (POST /admin/settle). */
export async function settle(url: string): Promise<void> {
  await call(`${url}/admin/settle`, 'POST', {}, adminHeaders);
}
