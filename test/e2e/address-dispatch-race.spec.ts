import type { RecordedEvent } from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { createLogisticsService } from '@aftersales/logistics';
import { createOrderService } from '@aftersales/order';

/*
 * "No address change after dispatch", across two services that only share events: the order and logistics on one
 * in-memory log, with the bus delivered by hand so each interleaving is chosen, not hoped for. (The HTTP race with 50
 * simultaneous calls is in address-dispatch-race.e2e.spec.ts.)
 */

const buyer = { actor: { id: 'buyer-1', role: 'buyer' as const } };
const merchant = { actor: { id: 'agent-7', role: 'agent' as const } };
const address = (street: string) => ({ name: 'Li Lei', phone: '13800000000', province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', street });

function world() {
  const env = inMemoryTestPlatform({ start: new Date('2026-11-02T08:00:00.000Z') });
  const order = createOrderService(env.platform, { log: () => undefined });
  const logistics = createLogisticsService(env.platform, { consistencyTimeoutMs: 30, pollIntervalMs: 1, log: () => undefined });
  env.attach([order.runtime, logistics.runtime]);
  const log = async (): Promise<RecordedEvent[]> => env.platform.eventStore.readAll(0, 10_000);
  /** Delivered so far, per consumer: the bus is a cursor over the log that the test moves. */
  const delivered = { order: 0, logistics: 0 };
  const bus = {
    /** The order's consumer reads the logistics events published so far. */
    async toOrder(): Promise<void> {
      for (const event of (await log()).filter((e) => e.position > delivered.order && e.streamId.startsWith('shipment-'))) {
        await order.onLogisticsEvent(event);
      }
      delivered.order = (await log()).at(-1)!.position;
    },
    /** Logistics' consumer reads the order events published so far (its order_payments view). */
    async toLogistics(): Promise<void> {
      for (const event of (await log()).filter((e) => e.position > delivered.logistics && e.streamId.startsWith('order-'))) {
        await logistics.onOrderEvent(event);
      }
      delivered.logistics = (await log()).at(-1)!.position;
    },
  };
  const outcome = (p: Promise<unknown>): Promise<string> =>
    p.then(
      () => 'ok',
      (error: { code?: string }) => error.code ?? String(error),
    );
  return { env, order, logistics, log, bus, outcome };
}

describe('an address change racing a dispatch', () => {
  it('given a shipment the order does not know of yet, when the address changes and the merchant dispatches at once, then the dispatch waits for the order to freeze the address, and no change lands after it', async () => {
    const { order, logistics, log, bus, outcome } = world();
    const placed = await order.placeOrder(
      { buyerId: 'buyer-1', shopId: 'shop-1', items: [{ sku: 'tea', title: 'Tea', quantity: 1, unitPrice: 10_000 }], shippingFee: 0, paymentMethod: 'online', address: address('1 Wensan Road') },
      buyer,
    );
    const orderId = placed.state!.id;
    await order.payOrder(orderId, { amount: 10_000, paymentRef: 'pay-1' }, buyer);
    await bus.toLogistics();
    const shipmentId = (await logistics.createShipment({ orderId, carrier: 'SF', trackingNo: 'SF1' }, merchant)).state.shipmentId;

    // The order has not heard of the shipment: a change is still the order's to accept…
    expect(await outcome(order.changeAddress(orderId, address('2 Wensan Road'), buyer))).toBe('ok');
    // …and this is the moment the old code dispatched: now the dispatch waits for the lock, and is refused without it.
    expect(await outcome(logistics.dispatchShipment(shipmentId, merchant))).toBe('logistics.address_not_locked');

    await bus.toOrder(); // the order learns of the shipment: ShippingAddressLocked
    expect(await outcome(order.changeAddress(orderId, address('3 Wensan Road'), buyer))).toBe('order.address_locked');
    expect(await outcome(logistics.dispatchShipment(shipmentId, merchant))).toBe('logistics.address_not_locked'); // the lock is not here yet

    await bus.toLogistics(); // logistics sees the lock
    expect(await outcome(logistics.dispatchShipment(shipmentId, merchant))).toBe('ok');
    expect(await outcome(order.changeAddress(orderId, address('4 Wensan Road'), buyer))).toBe('order.address_locked');
    await bus.toOrder();

    const events = await log();
    const at = (type: string) => events.filter((e) => e.type === type).map((e) => e.position);
    const [dispatchedAt] = at('ShipmentDispatched');
    expect(at('ShippingAddressChanged')).toHaveLength(1);
    expect(Math.max(...at('ShippingAddressChanged'))).toBeLessThan(Math.min(...at('ShippingAddressLocked')));
    expect(Math.max(...at('ShippingAddressLocked'))).toBeLessThan(dispatchedAt);
    const locked = events.find((e) => e.type === 'ShippingAddressLocked')!.data as { address: { street: string }; shipmentId: string };
    expect(locked).toMatchObject({ shipmentId, address: { street: '2 Wensan Road' } });
    expect((await order.orderStream(orderId)).map((e) => e.type)).toEqual([
      'OrderPlaced',
      'OrderPaid',
      'ShippingAddressChanged',
      'ShippingAddressLocked',
      'OrderShipped',
    ]);
  });

  it('given every order of a change, a dispatch attempt and the two bus deliveries, then no accepted change is ever committed after the dispatch', async () => {
    type Step = 'change' | 'dispatch' | 'toOrder' | 'toLogistics';
    const steps: Step[] = ['change', 'dispatch', 'toOrder', 'toLogistics'];
    const permutations = (items: Step[]): Step[][] =>
      items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

    for (const plan of permutations(steps)) {
      const { order, logistics, log, bus, outcome } = world();
      const orderId = (
        await order.placeOrder(
          { buyerId: 'buyer-1', shopId: 'shop-1', items: [{ sku: 'tea', title: 'Tea', quantity: 1, unitPrice: 10_000 }], shippingFee: 0, paymentMethod: 'online', address: address('1 Wensan Road') },
          buyer,
        )
      ).state!.id;
      await order.payOrder(orderId, { amount: 10_000, paymentRef: 'pay-1' }, buyer);
      await bus.toLogistics();
      const shipmentId = (await logistics.createShipment({ orderId, carrier: 'SF', trackingNo: 'SF1' }, merchant)).state.shipmentId;
      // Twice through the plan (a delivery that came "too early" happens again), then the bus catches up and the
      // merchant dispatches once more.
      for (const step of [...plan, ...plan, 'toOrder', 'toLogistics', 'dispatch'] as Step[]) {
        if (step === 'change') await outcome(order.changeAddress(orderId, address(`${plan.join('-')} ${Math.random()}`), buyer));
        if (step === 'dispatch') await outcome(logistics.dispatchShipment(shipmentId, merchant));
        if (step === 'toOrder') await bus.toOrder();
        if (step === 'toLogistics') await bus.toLogistics();
      }

      const events = await log();
      const dispatched = events.find((e) => e.type === 'ShipmentDispatched');
      const changes = events.filter((e) => e.type === 'ShippingAddressChanged');
      expect({ plan, dispatched: dispatched !== undefined }).toEqual({ plan, dispatched: true });
      for (const change of changes) expect({ plan, before: change.position < dispatched!.position }).toEqual({ plan, before: true });
    }
  });
});
