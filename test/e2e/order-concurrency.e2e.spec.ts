import { agent, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { placeOrder } from '../support/orders';

/** Every note of the order, read a page of 100 at a time (the order itself carries only the newest 20). */
async function allNotes(api: HttpClient, orderId: string): Promise<Array<{ noteNo: number; text: string }>> {
  const notes: Array<{ noteNo: number; text: string }> = [];
  let cursor: string | undefined;
  do {
    const page = (await api.get(`/orders/${orderId}/notes?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).body;
    notes.push(...page.notes);
    cursor = page.nextCursor;
  } while (cursor);
  return notes;
}

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
    const notes = await allNotes(t.api, order.id);
    expect(notes.map((n) => n.text).sort()).toEqual(Array.from({ length: 32 }, (_, w) => texts(w)).flat().sort());
    expect(notes.map((n) => n.noteNo)).toEqual(Array.from({ length: 32 * 8 }, (_, i) => i + 1));
    const read = (await t.api.get(`/orders/${order.id}`)).body;
    expect({ notesCount: read.notesCount, onTheOrder: read.notes.map((n: { noteNo: number }) => n.noteNo) }).toEqual({
      notesCount: 256,
      onTheOrder: Array.from({ length: 20 }, (_, i) => 237 + i),
    });
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
