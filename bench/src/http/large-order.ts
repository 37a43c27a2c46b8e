import { median } from '../support/statistics';
import { startPlatform } from '../target/server-process';
import { agentHeaders, call, noteBody, placePaidOrders, pool, settle } from './api-client';

export interface LargeOrderOptions {
  largeNotes: number;
  smallNotes: number;
  /** Sequential requests of each kind, per order. */
  requests: number;
  log: (line: string) => void;
}

export interface RequestTiming {
  medianMs: number;
  bytes: number;
}

export interface OrderTimings {
  notes: number;
  postNote: RequestTiming;
  getOrder: RequestTiming;
  timeline: RequestTiming;
}

export interface LargeOrderFigures {
  small: OrderTimings;
  large: OrderTimings;
}

const timing = (samples: number[], bytes: number): RequestTiming => ({ medianMs: median(samples), bytes });

/**
 * One order with `largeNotes` notes beside one with `smallNotes`, black box over HTTP: the median time of GET
 * /orders/{id}, GET /orders/{id}/timeline (the default request, as a client sends it) and POST a note, one request at
 * a time, alternating between the two orders. Reads are timed before the posts add notes.
 */
export async function largeOrder(options: LargeOrderOptions): Promise<LargeOrderFigures> {
  const platform = await startPlatform();
  try {
    const url = platform.url;
    const [small, large] = await placePaidOrders(url, 2, 1, 'large');
    const started = performance.now();
    const post = (orderId: string) => async (_: unknown, i: number) => void (await call(`${url}/orders/${orderId}/notes`, 'POST', noteBody(i), agentHeaders));
    await pool(Array.from({ length: options.smallNotes }), 1, post(small));
    await pool(Array.from({ length: options.largeNotes }), 16, post(large));
    await settle(url);
    options.log(`  notes added: ${options.smallNotes} and ${options.largeNotes} in ${((performance.now() - started) / 1000).toFixed(1)} s (16 in flight, not timed)`);

    const timed = async (method: string, path: string, body?: string): Promise<{ ms: number; bytes: number }> => {
      const t0 = performance.now();
      const answer = await call(`${url}${path}`, method, body, agentHeaders);
      return { ms: performance.now() - t0, bytes: answer.bytes };
    };
    const samples = { small: new Map<string, number[]>(), large: new Map<string, number[]>() };
    const bytes = { small: new Map<string, number>(), large: new Map<string, number>() };
    const kinds: [string, (id: string, i: number) => [string, string, string?]][] = [
      ['getOrder', (id) => ['GET', `/orders/${id}`]],
      ['timeline', (id) => ['GET', `/orders/${id}/timeline`]],
      ['postNote', (id, i) => ['POST', `/orders/${id}/notes`, noteBody(100_000 + i)]],
    ];
    for (const [kind, request] of kinds) {
      if (kind === 'postNote') await settle(url);
      for (let i = 0; i < options.requests + 3; i++) {
        for (const [which, id] of (i % 2 === 0 ? [['small', small], ['large', large]] : [['large', large], ['small', small]]) as ['small' | 'large', string][]) {
          const { ms, bytes: size } = await timed(...request(id, i));
          if (i < 3) continue; // warm-up
          samples[which].set(kind, [...(samples[which].get(kind) ?? []), ms]);
          bytes[which].set(kind, size);
        }
      }
    }
    const figures = (which: 'small' | 'large', notes: number): OrderTimings => ({
      notes,
      postNote: timing(samples[which].get('postNote') as number[], bytes[which].get('postNote') as number),
      getOrder: timing(samples[which].get('getOrder') as number[], bytes[which].get('getOrder') as number),
      timeline: timing(samples[which].get('timeline') as number[], bytes[which].get('timeline') as number),
    });
    const result = { small: figures('small', options.smallNotes), large: figures('large', options.largeNotes) };
    for (const which of ['small', 'large'] as const) {
      const t = result[which];
      const show = (r: RequestTiming) => `${r.medianMs.toFixed(2)} ms (${(r.bytes / 1024).toFixed(1)} KB)`;
      options.log(`  ${t.notes} notes: POST note ${show(t.postNote)}, GET order ${show(t.getOrder)}, timeline ${show(t.timeline)}`);
    }
    return result;
  } finally {
    await platform.stop();
  }
}
