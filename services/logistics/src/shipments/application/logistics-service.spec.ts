import type { EventEnvelope } from '@aftersales/contracts';
import type { CommandContext } from '@aftersales/kernel';
import { refusal } from '@aftersales/kernel/testing';
import { inMemoryPlatform, type TestPlatform } from '../testing/in-memory-platform';
import { recorded } from '../testing/recorded';
import { ShipmentRules } from '../domain';
import { trackingExpiryPolicy } from '../policies';
import { createLogisticsService } from './logistics-service';
import type { LogisticsService } from './shipments.types';

const merchant: CommandContext = { actor: { id: 'agent-7', role: 'agent' } };
const carrierHook: CommandContext = { actor: { id: 'sf-webhook', role: 'integrator' } };

let platform: TestPlatform;
let service: LogisticsService;
let orderRevision: Map<string, number>;
/** Order events published but not yet in the view (the bus lag of group `logistics` on the order topic). */
let orderFeedLag: number;

beforeEach(() => {
  platform = inMemoryPlatform();
  orderFeedLag = 0;
  service = createLogisticsService(platform, { consistencyTimeoutMs: 150, pollIntervalMs: 1, log: () => undefined, orderFeedLag: async () => orderFeedLag });
  platform.attach(service.runtime);
  orderRevision = new Map();
});

/** An order event as the order topic delivers it, revisions counted per order. */
function orderEvent(orderId: string, type: string, data: Record<string, unknown> = {}): EventEnvelope {
  const revision = (orderRevision.get(orderId) ?? -1) + 1;
  orderRevision.set(orderId, revision);
  return recorded(`order-${orderId}`, revision, { type, data: { orderId, ...data } });
}

async function paidOrder(orderId: string): Promise<void> {
  await service.onOrderEvent(orderEvent(orderId, 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' }));
  await service.onOrderEvent(orderEvent(orderId, 'OrderPaid'));
}

/** The order froze its address for the shipment (as the order does when it learns of it): it may be dispatched by hand. */
async function addressLocked(orderId: string, shipmentId: string): Promise<void> {
  await service.onOrderEvent(orderEvent(orderId, 'ShippingAddressLocked', { shipmentId }));
}

const typesIn = (streamId: string) => platform.eventStore.log.filter((e) => e.streamId === streamId).map((e) => e.type);

describe('logistics service: creating shipments', () => {
  it('given a paid order, when a shipment is created, then it gets a shp_ id and GET shows it at once', async () => {
    await paidOrder('ord_1');
    const result = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);
    expect(result.streamId).toMatch(/^shipment-shp_[0-9a-z]+$/);
    const shipmentId = result.state.shipmentId;
    expect(await service.getShipment(shipmentId)).toMatchObject({ id: shipmentId, status: 'created', orderId: 'ord_1', revision: 0 });
    expect((await service.listShipmentsByOrder('ord_1')).items.map((s) => s.id)).toEqual([shipmentId]);
  });

  it('given the payment reaches logistics a moment after the request, when a shipment is created, then it waits and succeeds', async () => {
    await service.onOrderEvent(orderEvent('ord_1', 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' }));
    const paid = orderEvent('ord_1', 'OrderPaid');
    orderFeedLag = 1;
    setTimeout(() => void service.onOrderEvent(paid).then(() => (orderFeedLag = 0)), 20);
    const result = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);
    expect(result.state.status).toBe('created');
  });

  it('given an unknown order and a view that has caught up with the order topic, when a shipment is created, then 404 at once, without waiting', async () => {
    const patient = createLogisticsService(platform, { consistencyTimeoutMs: 2_000, pollIntervalMs: 1, log: () => undefined, orderFeedLag: async () => 0 });
    const started = Date.now();

    const error = await refusal(patient.createShipment({ orderId: 'ord_nope', carrier: 'sf', trackingNo: 'SF1' }, merchant));

    expect(error).toMatchObject({ kind: 'not_found' });
    expect(Date.now() - started).toBeLessThan(500);
    expect(platform.eventStore.log).toEqual([]);
  });

  it('given an unknown order while the view is behind the order topic, when its events arrive during the wait, then the shipment is created', async () => {
    orderFeedLag = 2;
    setTimeout(async () => {
      await service.onOrderEvent(orderEvent('ord_late', 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' }));
      await service.onOrderEvent(orderEvent('ord_late', 'OrderPaid'));
      orderFeedLag = 0;
    }, 20);

    const result = await service.createShipment({ orderId: 'ord_late', carrier: 'sf', trackingNo: 'SF1' }, merchant);

    expect(result.state.status).toBe('created');
  });

  it('given a cash-on-delivery order, when a shipment is created, then it is accepted without payment', async () => {
    await service.onOrderEvent(orderEvent('ord_c', 'OrderPlaced', { status: 'awaiting_shipment', paymentMethod: 'cod' }));
    await expect(service.createShipment({ orderId: 'ord_c', carrier: 'sf', trackingNo: 'SF9' }, merchant)).resolves.toMatchObject({
      state: { status: 'created' },
    });
  });

  it('given an order that stays unpaid, when a shipment is created, then the paid-orders rule refuses it and nothing is appended', async () => {
    await service.onOrderEvent(orderEvent('ord_1', 'OrderPlaced', { status: 'awaiting_payment', paymentMethod: 'online' }));
    const error = await refusal(service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant));
    expect(error).toMatchObject({ kind: 'rule', code: ShipmentRules.shipOnlyPaidOrders });
    expect(platform.eventStore.log).toEqual([]);
  });

  it('given an order logistics never heard of, when a shipment is created, then 404', async () => {
    const error = await refusal(service.createShipment({ orderId: 'ord_x', carrier: 'sf', trackingNo: 'SF1' }, merchant));
    expect(error.kind).toBe('not_found');
  });

  it('given two concurrent creates for one order, then exactly one shipment is created and the other is a 409', async () => {
    await paidOrder('ord_1');
    const outcomes = await Promise.allSettled([
      service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant),
      service.createShipment({ orderId: 'ord_1', carrier: 'yto', trackingNo: 'YT1' }, merchant),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ kind: 'conflict', code: ShipmentRules.activeShipmentExists });
  });

  it('given a cancelled shipment, when a new one uses the same tracking number, then it is accepted', async () => {
    await paidOrder('ord_1');
    const first = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);
    await service.cancelShipment(first.state.shipmentId, { reason: 'wrong parcel' }, merchant);
    const second = await service.createShipment({ orderId: 'ord_1', carrier: 'SF', trackingNo: 'sf1' }, merchant);
    expect(second.state.shipmentId).not.toBe(first.state.shipmentId);
  });

  it('given a tracking number in use on another order, when a shipment reuses it, then 409', async () => {
    await paidOrder('ord_1');
    await paidOrder('ord_2');
    await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);
    const error = await refusal(service.createShipment({ orderId: 'ord_2', carrier: 'sf', trackingNo: 'SF1' }, merchant));
    expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.trackingNumberInUse });
  });

  it('given an unknown shipment id, when it is dispatched, then 404 naming it', async () => {
    const error = await refusal(service.dispatchShipment('shp_nope', merchant));
    expect(error).toMatchObject({ kind: 'not_found', details: { id: 'shp_nope' } });
  });
});

describe('logistics service: carrier events', () => {
  async function shipped(): Promise<string> {
    await paidOrder('ord_1');
    const { state } = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);
    await addressLocked('ord_1', state.shipmentId);
    await service.dispatchShipment(state.shipmentId, merchant);
    platform.clock.set(new Date('2026-11-05T00:00:00Z')); // the scans below are dated between the dispatch and now
    return state.shipmentId;
  }
  const scanInput = {
    carrier: 'SF',
    trackingNo: 'sf1',
    carrierEventId: 'c1',
    status: 'in_transit',
    occurredAt: '2026-11-02T18:00:00+08:00',
  } as const;

  it('given an unknown carrier + tracking number, when a carrier event arrives, then 404 and nothing is appended', async () => {
    const error = await refusal(service.recordCarrierEvent(scanInput, carrierHook));
    expect(error.kind).toBe('not_found');
    expect(platform.eventStore.log).toEqual([]);
  });

  it('given a shipment, when the same carrier event arrives twice, then the second is a duplicate and appends nothing', async () => {
    const shipmentId = await shipped();
    const first = await service.recordCarrierEvent(scanInput, carrierHook);
    const second = await service.recordCarrierEvent(scanInput, carrierHook);
    expect(first).toMatchObject({ shipmentId, duplicate: false });
    expect(second).toMatchObject({ shipmentId, duplicate: true, result: { eventIds: [] } });
    expect(typesIn(`shipment-${shipmentId}`)).toEqual(['ShipmentCreated', 'ShipmentDispatched', 'CarrierEventRecorded']);
    expect((await service.getShipment(shipmentId))?.tracking).toEqual([
      expect.objectContaining({ carrierEventId: 'c1', occurredAt: '2026-11-02T10:00:00.000Z' }),
    ]);
  });

  it('given a delivered scan, then ShipmentDelivered once and GET shows delivered', async () => {
    const shipmentId = await shipped();
    await service.recordCarrierEvent(
      { ...scanInput, carrierEventId: 'd1', status: 'delivered', occurredAt: '2026-11-04T11:00:00Z' },
      carrierHook,
    );
    await service.recordCarrierEvent(
      { ...scanInput, carrierEventId: 'd2', status: 'delivered', occurredAt: '2026-11-04T11:01:00Z' },
      carrierHook,
    );
    expect(typesIn(`shipment-${shipmentId}`).filter((t) => t === 'ShipmentDelivered')).toHaveLength(1);
    expect(await service.getShipment(shipmentId)).toMatchObject({ status: 'delivered', trackingStatus: 'delivered', revision: 4 });
  });

  it('given a malformed carrier time, then 400 naming the field', async () => {
    await shipped();
    const error = await refusal(service.recordCarrierEvent({ ...scanInput, occurredAt: 'yesterday' }, carrierHook));
    expect(error).toMatchObject({ kind: 'invalid', details: { fields: [{ field: '/occurredAt', message: expect.any(String) }] } });
  });
});

describe('logistics service: dispatch waits for the order to freeze its address', () => {
  it('given a created shipment, when the order has not locked its address for it, then dispatch is refused after a bounded wait and nothing is appended', async () => {
    await paidOrder('ord_1');
    const { state } = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);

    const error = await refusal(service.dispatchShipment(state.shipmentId, merchant));

    expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.addressNotLocked });
    expect(typesIn(`shipment-${state.shipmentId}`)).toEqual(['ShipmentCreated']);
  });

  it('given a dispatch waiting for the lock, when the order locks its address for the shipment meanwhile, then it is dispatched', async () => {
    await paidOrder('ord_1');
    const { state } = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);

    const dispatching = service.dispatchShipment(state.shipmentId, merchant);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await addressLocked('ord_1', state.shipmentId);

    expect((await dispatching).events.map((e) => e.type)).toEqual(['ShipmentDispatched']);
  });
});

describe('logistics service: order reactions and timers', () => {
  it('given an undispatched shipment, when the order closes, then the shipment is cancelled once, even if the event comes again', async () => {
    await paidOrder('ord_1');
    const { state } = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);
    const closed = orderEvent('ord_1', 'OrderClosed', { reason: 'refunded_in_full' });
    expect(await service.onOrderEvent(closed)).toEqual({ outcome: 'applied', cancelledShipmentIds: [state.shipmentId] });
    expect(await service.onOrderEvent(closed)).toEqual({ outcome: 'duplicate' });
    expect(typesIn(`shipment-${state.shipmentId}`)).toEqual(['ShipmentCreated', 'ShipmentCancelled']);
    const cancelled = platform.eventStore.log[1];
    expect(cancelled).toMatchObject({ causationId: closed.eventId, actor: { id: 'logistics', role: 'system' } });
    expect(cancelled.data).toMatchObject({ reason: 'order closed: refunded_in_full' });
  });

  it('given a dispatched shipment, when its tracking deadline passes and the timer fires twice, then one ShipmentTrackingExpired', async () => {
    await paidOrder('ord_1');
    const { state } = await service.createShipment({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' }, merchant);
    await addressLocked('ord_1', state.shipmentId);
    const dispatch = await service.dispatchShipment(state.shipmentId, merchant);
    const timer = trackingExpiryPolicy(dispatch.events[0])!.schedule![0];
    platform.clock.set(new Date(timer.dueAt));
    await service.runtime.fireTimer(timer);
    await service.runtime.fireTimer(timer);
    expect(typesIn(`shipment-${state.shipmentId}`)).toEqual(['ShipmentCreated', 'ShipmentDispatched', 'ShipmentTrackingExpired']);
  });

  it('exposes its name, projections and timer policy to the runtime', () => {
    expect(service.runtime.name).toBe('logistics');
    expect(service.runtime.projections.map((p) => p.name)).toEqual(['shipments', 'tracking_index']);
    expect(service.runtime.timerPolicies).toEqual([trackingExpiryPolicy]);
  });
});

describe('logistics service: return shipments', () => {
  it('given a refund, when the buyer registers the return they handed over, then it is created and dispatched, and its scans find it', async () => {
    const result = await service.createReturnShipment(
      { orderId: 'ord_1', refundId: 'rfd_1', carrier: 'yto', trackingNo: 'YT1', handedOverAt: '2026-11-08T10:00:00Z' },
      { actor: { id: 'buyer-1', role: 'buyer' } },
    );
    expect(result.events.map((e) => e.type)).toEqual(['ShipmentCreated', 'ReturnShipmentDispatched']);
    platform.clock.set(new Date('2026-11-10T12:00:00Z'));
    const delivered = await service.recordCarrierEvent(
      { carrier: 'yto', trackingNo: 'YT1', carrierEventId: 'y9', status: 'delivered', occurredAt: '2026-11-10T09:00:00Z' },
      carrierHook,
    );
    expect(delivered.result.events.map((e) => e.type)).toEqual(['CarrierEventRecorded', 'ReturnShipmentDelivered']);
    expect(delivered.result.events[1].data).toMatchObject({ refundId: 'rfd_1', orderId: 'ord_1' });
  });
});

describe('logistics service: reissue shipments', () => {
  it('given a delivered order, when the merchant registers a reissue for a refund, then an outbound shipment names the refund and its scans find it', async () => {
    const result = await service.createReissueShipment(
      { orderId: 'ord_1', refundId: 'rfd_2', carrier: 'sf', trackingNo: 'SF77' },
      merchant,
    );
    expect(result.events.map((e) => [e.type, e.data])).toEqual([
      ['ShipmentCreated', expect.objectContaining({ direction: 'outbound', refundId: 'rfd_2', orderId: 'ord_1' })],
    ]);
    const dispatched = await service.dispatchShipment(result.state.shipmentId, merchant);
    expect(dispatched.events[0]).toMatchObject({ type: 'ShipmentDispatched', data: { refundId: 'rfd_2' } });
    expect(await service.getShipment(result.state.shipmentId)).toMatchObject({ status: 'dispatched', direction: 'outbound' });
  });

  it('given a tracking number in use, when a reissue reuses it, then 409 and nothing is appended', async () => {
    await service.createReissueShipment({ orderId: 'ord_1', refundId: 'rfd_2', carrier: 'sf', trackingNo: 'SF77' }, merchant);
    const error = await refusal(
      service.createReissueShipment({ orderId: 'ord_1', refundId: 'rfd_3', carrier: 'SF', trackingNo: 'sf77' }, merchant),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.trackingNumberInUse });
    expect(platform.eventStore.log).toHaveLength(1);
  });
});
