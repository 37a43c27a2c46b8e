import { agent } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { address, payOrder, placeOrder } from '../support/orders';
import {
  countOf,
  expectProblemDocuments,
  expectReconciled,
  openConnections,
  outcomes,
  RACERS,
  reconciliation,
  simultaneously,
  timelineOf,
} from '../support/races';

/*
 * Notes on a busy order (issue 9, finding 4). Without If-Match a caller asked for no concurrency check: every note
 * lands, in some order, none lost and none refused. With If-Match the caller asked for one: exactly one call holding
 * the current revision wins.
 */
describe('race: notes on a busy order', () => {
  const t = useTestSystem('each');

  it.each([32, RACERS])(
    'given an order, when %i agents add a note at once without If-Match, then every note is appended (all 200), numbered 1…n, none lost, and money is untouched',
    async (n) => {
      const order = await placeOrder(t.api);
      const ledgerBefore = await reconciliation(t.api);
      await openConnections(t.api, `/orders/${order.id}`, n);

      const answers = await simultaneously(n, (i) => t.api.post(`/orders/${order.id}/notes`, { text: `note ${i}` }, agent));
      await t.settle();

      const stream = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
      const notes = stream.filter((e) => e.type === 'OrderNoteAdded');
      const read = (await t.api.get(`/orders/${order.id}`)).body;
      // gathered, then compared once: a failure shows every count
      const listed = (await t.api.get(`/orders/${order.id}/notes?limit=500`)).body;
      expect({ answers: outcomes(answers), appended: notes.length, onTheOrder: read.notesCount, listed: listed.notes.length, revision: read.revision }).toEqual({
        answers: { 200: n },
        appended: n,
        onTheOrder: n,
        listed: n,
        revision: n,
      });
      expect(notes.map((e) => e.data.noteNo).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(notes.map((e) => e.data.text).sort()).toEqual(answers.map((_, i) => `note ${i}`).sort());
      // each answer is the order with that note on it (the newest of the 20 it carries)
      expect(answers.filter((a, i) => !a.body.notes.some((note: any) => note.text === `note ${i}`)).map((a) => a.body)).toEqual([]);
      expect(await reconciliation(t.api)).toEqual(ledgerBefore);
    },
  );

  it('given a paid order, when 40 notes and 10 address changes arrive at once without If-Match, then all 50 are applied (200) and the last change is the address', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    await t.settle();
    const ledgerBefore = await reconciliation(t.api);
    await openConnections(t.api, `/orders/${order.id}`);

    const answers = await simultaneously(RACERS, (i) =>
      i % 5 === 0
        ? t.api.put(`/orders/${order.id}/address`, { ...address, street: `${i} Busy Road` })
        : t.api.post(`/orders/${order.id}/notes`, { text: `busy ${i}` }, agent),
    );
    await t.settle();

    const stream = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
    expect({ answers: outcomes(answers), appended: countOf(stream, 'OrderNoteAdded', 'ShippingAddressChanged') }).toEqual({
      answers: { 200: RACERS },
      appended: { OrderNoteAdded: 40, ShippingAddressChanged: 10 },
    });
    const lastChange = stream.filter((e) => e.type === 'ShippingAddressChanged').at(-1);
    expect((await t.api.get(`/orders/${order.id}`)).body).toMatchObject({ status: 'awaiting_shipment', address: lastChange.data.address });
    expect(await reconciliation(t.api)).toEqual(ledgerBefore);
    expectReconciled(ledgerBefore);
  });

  it('given an order at revision r, when 50 agents add a note at once with If-Match r, then exactly one is appended (200) and 49 are 409 stale_revision that change nothing', async () => {
    const order = await placeOrder(t.api);
    await openConnections(t.api, `/orders/${order.id}`);

    const answers = await simultaneously(RACERS, (i) =>
      t.api.post(`/orders/${order.id}/notes`, { text: `checked ${i}` }, agent, { 'if-match': `"${order.revision}"` }),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 200: 1, '409 stale_revision': RACERS - 1 });
    expectProblemDocuments(answers);
    const timeline = await timelineOf(t.api, order.id);
    expect(countOf(timeline, 'OrderNoteAdded')).toEqual({ OrderNoteAdded: 1 });
    expect((await t.api.get(`/orders/${order.id}`)).body.notes).toEqual([
      expect.objectContaining({ text: answers.find((a) => a.status === 200)!.body.notes[0].text }),
    ]);
  });
});
