import type { EventEnvelope } from '@aftersales/contracts';
import { inMemoryPlatform, type TestPlatform } from '../testing/in-memory-platform';
import { recorded } from '../testing/recorded';
import { ShipmentRules } from '../domain';
import { createLogisticsService } from './logistics-service';
import type { LogisticsService } from './shipments.types';

const buyer = { id: 'buyer-1', role: 'buyer' } as const;
const trace = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };

let platform: TestPlatform;
let service: LogisticsService;
let logged: string[];

beforeEach(() => {
  platform = inMemoryPlatform();
  logged = [];
  service = createLogisticsService(platform, { consistencyTimeoutMs: 150, pollIntervalMs: 1, log: (message) => void logged.push(message) });
  platform.attach(service.runtime);
});

/** RefundReturnShipped as the refund topic delivers it to group `logistics`: the buyer shipped it. */
function returnShipped(refundId: string, trackingNo: string): EventEnvelope {
  const event = recorded(`refund-${refundId}`, 2, {
    type: 'RefundReturnShipped',
    data: {
      refundId,
      orderId: 'ord_1',
      carrier: 'yto',
      trackingNo,
      shippedAt: '2026-11-08T10:00:00.000Z',
      merchantConfirmBy: '2026-11-18T10:00:00.000Z',
      rulebookVersion: '2026.1',
    },
  });
  return { ...event, actor: buyer, correlationId: `corr-${refundId}`, trace };
}

const shipmentEvents = () => platform.eventStore.log.filter((e) => e.streamId.startsWith('shipment-'));

describe('logistics service: reactions to the refund topic (group logistics)', () => {
  it('given the buyer shipped a return, when RefundReturnShipped arrives, then a return shipment is created, dispatched at the hand-over, on behalf of the buyer', async () => {
    const shipped = returnShipped('rfd_1', 'YT1');

    const outcome = await service.onRefundEvent(shipped);

    expect(outcome).toEqual({ outcome: 'applied', shipmentId: expect.stringMatching(/^shp_/), replayed: false });
    const shipmentId = outcome.outcome === 'applied' ? outcome.shipmentId : '';
    expect(shipmentEvents().map((e) => [e.type, e.streamId])).toEqual([
      ['ShipmentCreated', `shipment-${shipmentId}`],
      ['ReturnShipmentDispatched', `shipment-${shipmentId}`],
    ]);
    for (const event of shipmentEvents()) {
      expect(event).toMatchObject({ actor: buyer, causationId: shipped.eventId, correlationId: 'corr-rfd_1', trace });
    }
    expect(shipmentEvents()[0].data).toMatchObject({
      direction: 'return',
      orderId: 'ord_1',
      refundId: 'rfd_1',
      carrier: 'yto',
      trackingNo: 'YT1',
    });
    expect(shipmentEvents()[1].data).toMatchObject({ dispatchedAt: '2026-11-08T10:00:00.000Z' });
    expect(await platform.eventStore.findCommandKey(`consumer:logistics:${shipped.eventId}`)).toMatchObject({
      streamId: `shipment-${shipmentId}`,
    });
  });

  it('given the return shipment was created, when the same event is delivered again, then the first shipment answers and nothing is appended', async () => {
    const shipped = returnShipped('rfd_1', 'YT1');
    const first = await service.onRefundEvent(shipped);

    const again = await service.onRefundEvent(shipped);

    expect(again).toEqual({ ...first, replayed: true });
    expect(shipmentEvents()).toHaveLength(2);
  });

  it('given the reaction, when it runs, then it does not wait for the read models (a bus consumer never does)', async () => {
    platform.autoProject = false;

    await service.onRefundEvent(returnShipped('rfd_1', 'YT1'));

    expect(logged.filter((message) => message.includes('did not catch up'))).toEqual([]);
  });

  it('given the tracking number is on another shipment, when a return reuses it, then the refusal is reported, not thrown, and nothing is appended', async () => {
    await service.onRefundEvent(returnShipped('rfd_1', 'YT1'));
    await platform.project();

    const outcome = await service.onRefundEvent(returnShipped('rfd_2', 'YT1'));

    expect(outcome).toEqual({ outcome: 'refused', code: ShipmentRules.trackingNumberInUse, message: expect.any(String) });
    expect(shipmentEvents()).toHaveLength(2);
    expect(logged).toEqual([expect.stringContaining('refused')]);
  });

  it('given another refund event (the refund was paid), when it arrives, then logistics ignores it', async () => {
    const paid = recorded('refund-rfd_1', 5, { type: 'RefundPaid', data: { refundId: 'rfd_1', orderId: 'ord_1', amount: 100 } });

    expect(await service.onRefundEvent(paid)).toEqual({ outcome: 'ignored' });
    expect(platform.eventStore.log).toEqual([]);
  });
});
