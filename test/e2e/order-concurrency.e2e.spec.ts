import { agent } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { placeOrder } from '../support/orders';

describe('concurrent commands on one order through HTTP', () => {
  const t = useTestSystem('all');

  it('given 32 concurrent writers posting notes on one order without If-Match, when they keep posting, then every note succeeds and is recorded once', async () => {
    const order = await placeOrder(t.api);
    const texts = (writer: number) => Array.from({ length: 8 }, (_, i) => `writer ${writer} note ${i}`);

    const answers = (
      await Promise.all(
        Array.from({ length: 32 }, async (_, writer) => {
          const statuses: number[] = [];
          for (const text of texts(writer)) statuses.push((await t.api.post(`/orders/${order.id}/notes`, { text }, agent)).status);
          return statuses;
        }),
      )
    ).flat();

    expect(answers).toEqual(Array(32 * 8).fill(200));
    const notes = (await t.api.get(`/orders/${order.id}`)).body.notes as Array<{ text: string }>;
    expect(notes.map((n) => n.text).sort()).toEqual(Array.from({ length: 32 }, (_, w) => texts(w)).flat().sort());
  });

  it('given concurrent notes with the same stale If-Match, then exactly one lands and the others are 409 stale_revision', async () => {
    const order = await placeOrder(t.api);

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.api.post(`/orders/${order.id}/notes`, { text: `note ${i}` }, agent, { 'if-match': '"0"' })),
    );

    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    expect((await t.api.get(`/orders/${order.id}`)).body.notes).toHaveLength(1);
  });
});
