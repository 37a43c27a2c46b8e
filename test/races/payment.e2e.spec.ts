import { buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { placeOrder } from '../support/orders';
import {
  countOf,
  expectProblemDocuments,
  expectReconciled,
  openConnections,
  outcomes,
  ownKey,
  RACERS,
  reconciliation,
  refused,
  simultaneously,
  succeeded,
  timelineOf,
} from '../support/races';

/* One payment per order: however many payments race, the order is paid once and every other answer says why not. */
describe('race: one payment per order', () => {
  const t = useTestSystem('each');

  it('given an unpaid order, when 50 different payments (own key, own payment ref) arrive at once, then one is taken (200) and 49 are 409 naming the paid status; one OrderPaid', async () => {
    const order = await placeOrder(t.api);
    const ledgerBefore = await reconciliation(t.api);
    await openConnections(t.api, `/orders/${order.id}`);

    const answers = await simultaneously(RACERS, (i) =>
      t.api.post(
        `/orders/${order.id}/payment`,
        { amount: order.total, paymentRef: `pay-${order.id}-${i}` },
        buyer,
        ownKey(`pay-${order.id}`, i),
      ),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 200: 1, '409 illegal_transition': RACERS - 1 });
    expectProblemDocuments(answers);
    expect(refused(answers).map((a) => a.body.currentStatus)).toEqual(Array(RACERS - 1).fill('awaiting_shipment'));
    const [winner] = succeeded(answers);
    const stream = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
    expect(countOf(stream, 'OrderPaid')).toEqual({ OrderPaid: 1 });
    expect(stream.find((e) => e.type === 'OrderPaid').data).toMatchObject({
      amount: order.total,
      paymentRef: `pay-${order.id}-${answers.indexOf(winner)}`,
    });
    expect((await t.api.get(`/orders/${order.id}`)).body).toMatchObject({
      status: 'awaiting_shipment',
      paidAmount: order.total,
      revision: 1,
    });
    expect(countOf(await timelineOf(t.api, order.id), 'OrderPaid')).toEqual({ OrderPaid: 1 });
    expect(await reconciliation(t.api)).toEqual(ledgerBefore);
    expectReconciled(ledgerBefore);
  });

  it('given an unpaid order, when one payment is sent 50 times at once under one Idempotency-Key, then all 50 answer its one outcome (200, the same event ids); one OrderPaid', async () => {
    const order = await placeOrder(t.api);
    await openConnections(t.api, `/orders/${order.id}`);

    const answers = await simultaneously(RACERS, () =>
      t.api.post(`/orders/${order.id}/payment`, { amount: order.total, paymentRef: `pay-${order.id}` }, buyer, {
        'idempotency-key': `pay-${order.id}`,
      }),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 200: RACERS });
    const eventIds = new Set(answers.map((a) => JSON.stringify(a.body.eventIds)));
    expect(eventIds.size).toBe(1);
    const stream = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
    expect(countOf(stream, 'OrderPaid')).toEqual({ OrderPaid: 1 });
    expect(JSON.parse([...eventIds][0])).toEqual([stream.find((e) => e.type === 'OrderPaid').eventId]);
  });

  it('given an unpaid order, when the provider notifies one payment 50 times at once under different keys, then every answer is 200 and the order is paid once', async () => {
    const order = await placeOrder(t.api);
    await openConnections(t.api, `/orders/${order.id}`);

    const answers = await simultaneously(RACERS, (i) =>
      t.api.post(
        `/orders/${order.id}/payment`,
        { amount: order.total, paymentRef: `pay-${order.id}` },
        buyer,
        ownKey(`notify-${order.id}`, i),
      ),
    );
    await t.settle();

    expect(outcomes(answers)).toEqual({ 200: RACERS });
    expect(answers.every((a) => a.body.status === 'awaiting_shipment' && a.body.paidAmount === order.total)).toBe(true);
    const stream = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
    expect(stream.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPaid']);
  });
});
