import { agent, buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { e2eMode } from '../support/multi-process-system';
import { address, payOrder, placeOrder } from '../support/orders';
import {
  expectProblemDocuments,
  expectReconciled,
  openConnections,
  outcomes,
  RACERS,
  reconciliation,
  simultaneously,
  succeeded,
  timelineOf,
} from '../support/races';

/** Rounds of one dispatch against 49 address changes, each on its own order (the issue saw a late change in 5 of 11). */
const ROUNDS = 4;
/** Where the dispatch stands among the 50 calls: some changes start before it, most after. */
const DISPATCH_AT = 5;

/*
 * No address change after dispatch (issue 9, finding 3: the order learns of the dispatch asynchronously, so "409 once
 * dispatched" had a window). In embedded mode every service writes one log, so an event's position orders it against
 * every other: each accepted change must be committed before the ShipmentDispatched that took the parcel away. (Over
 * Kafka each service has its own log and positions do not compare: the race is skipped there.)
 */
if (e2eMode() !== 'embedded') console.log('race: no address change after dispatch skipped in Kafka mode: each service has its own log, so positions do not compare');
(e2eMode() === 'embedded' ? describe : describe.skip)('race: no address change after dispatch', () => {
  const t = useTestSystem('each');

  it(`given ${ROUNDS} paid orders with a shipment ready, when each is dispatched among 49 address changes, then the dispatch is taken, every accepted change was committed before it, and every other change is 409 naming the lock`, async () => {
    const ledgerBefore = await reconciliation(t.api);
    const rounds: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // given
      const order = await placeOrder(t.api);
      await payOrder(t.api, order);
      const shipment = await t.api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: `SF${order.id}` }, agent);
      expect(shipment.status).toBe(201);
      await t.settle();
      await openConnections(t.api, `/orders/${order.id}`);

      // when
      const answers = await simultaneously(RACERS, (i) =>
        i === DISPATCH_AT
          ? t.api.post(`/shipments/${shipment.body.id}/dispatch`, {}, agent, { 'idempotency-key': `dispatch-${shipment.body.id}` })
          : t.api.put(`/orders/${order.id}/address`, { ...address, street: `${round}-${i} Race Road` }, buyer),
      );
      await t.settle();

      // then (gathered per round, compared once, so a failure shows every round's counts)
      const [dispatch] = answers.splice(DISPATCH_AT, 1);
      expectProblemDocuments(answers);
      const { 200: accepted = 0, '409 order.address_locked': locked = 0, ...otherOutcomes } = outcomes(answers);
      const timeline = await timelineOf(t.api, order.id);
      const dispatched = timeline.filter((e) => e.type === 'ShipmentDispatched');
      const changes = timeline.filter((e) => e.type === 'ShippingAddressChanged');
      const stream = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
      const lastAccepted = stream.filter((e) => e.type === 'ShippingAddressChanged').at(-1);
      const shippedAt = stream.findIndex((e) => e.type === 'OrderShipped');
      const read = (await t.api.get(`/orders/${order.id}`)).body;
      rounds.push({
        round,
        dispatch: dispatch.status,
        accepted,
        locked,
        // a refusal other than the lock (a stale revision: the caller asked for no concurrency check)
        otherOutcomes,
        dispatches: dispatched.length,
        acceptedWithoutEvent: succeeded(answers).length - changes.length,
        committedAfterDispatch: changes.filter((e) => dispatched.length && e.position > dispatched[0].position).length,
        changedAfterOrderShipped:
          shippedAt < 0 ? 'never shipped' : stream.slice(shippedAt).filter((e) => e.type === 'ShippingAddressChanged').length,
        status: read.status,
        shipsToLastAccepted: read.address.street === (lastAccepted?.data.address ?? address).street,
      });
    }

    expect(rounds).toEqual(
      rounds.map((_, round) => ({
        round,
        dispatch: 200,
        accepted: expect.any(Number),
        locked: expect.any(Number),
        otherOutcomes: {},
        dispatches: 1,
        acceptedWithoutEvent: 0,
        committedAfterDispatch: 0,
        changedAfterOrderShipped: 0,
        status: 'shipped',
        shipsToLastAccepted: true,
      })),
    );
    expect(await reconciliation(t.api)).toEqual(ledgerBefore);
    expectReconciled(ledgerBefore);
  });
});
