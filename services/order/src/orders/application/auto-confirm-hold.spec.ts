import type { EventEnvelope } from '@aftersales/contracts';
import type { CommandContext } from '@aftersales/kernel';
import { busEvent } from '../testing/bus-events';
import { orderServicePerTest, placePaidOrder } from '../testing/in-memory-platform';

const buyer: CommandContext = { actor: { id: 'buyer-1', role: 'buyer' } };
const DAY = 24;

/** Another service's event as the bus delivers it, at the platform's current time. */
const otherServiceEvent = (type: string, streamId: string, data: Record<string, unknown>): EventEnvelope =>
  busEvent(type, data, { eventId: `evt-${type}-${JSON.stringify(data)}`, streamId, position: 100 });

describe('auto-confirm of receipt while a refund or dispute is open (order service, in-memory platform)', () => {
  const app = orderServicePerTest();
  const statusOf = async (orderId: string) => (await app.service.orderStream(orderId)).filter((e) => e.type === 'ReceiptConfirmed').length;
  const refund = (type: string, orderId: string, refundId = 'rfd-1') => app.service.onRefundEvent(otherServiceEvent(type, `refund-${refundId}`, { refundId, orderId }));
  const dispute = (type: string, orderId: string, disputeId = 'dsp-1') =>
    app.service.onDisputeEvent(otherServiceEvent(type, `dispute-${disputeId}`, { disputeId, orderId }));

  /** Paid at T0, dispatched at T0 (auto-confirm 10 days later, at T0 + 240 h), delivered at T0 + 1 day. */
  async function deliveredOrder(): Promise<string> {
    const orderId = await placePaidOrder(app.service, buyer);
    const parcel = { shipmentId: 'shp-1', orderId };
    await app.service.onLogisticsEvent(
      otherServiceEvent('ShipmentDispatched', 'shipment-shp-1', { ...parcel, carrier: 'sf', trackingNo: 'SF1', dispatchedAt: '2026-11-02T08:00:00.000Z', trigger: 'manual' }),
    );
    await app.env.advanceHours(DAY);
    await app.service.onLogisticsEvent(otherServiceEvent('ShipmentDelivered', 'shipment-shp-1', { ...parcel, deliveredAt: '2026-11-03T08:00:00.000Z' }));
    return orderId;
  }

  it('given a delivered order with an open refund, when the auto-confirm time passes, then it is not confirmed; when the refund closes, the clock resumes with the time it had left', async () => {
    const orderId = await deliveredOrder();
    await app.env.advanceHours(DAY); // T0 + 2 days: 8 days left
    await refund('RefundRequested', orderId);

    await app.env.advanceHours(10 * DAY); // T0 + 12 days: past the original deadline
    expect(await statusOf(orderId)).toBe(0);

    await refund('RefundClosed', orderId);
    const resumed = (await app.service.orderStream(orderId)).find((e) => e.type === 'AutoConfirmResumed')!;
    expect(resumed.data).toMatchObject({ cause: { kind: 'refund', id: 'rfd-1' }, openCases: [], remainingMs: 8 * DAY * 3_600_000, autoConfirmAt: '2026-11-22T08:00:00.000Z' });
    await app.env.advanceHours(8 * DAY - 1);
    expect(await statusOf(orderId)).toBe(0);
    await app.env.advanceHours(1);
    expect(await statusOf(orderId)).toBe(1);
  });

  it('given a refund and a dispute open on a delivered order, when only the refund ends, then the clock stays stopped until the dispute closes too', async () => {
    const orderId = await deliveredOrder();
    await refund('RefundRequested', orderId);
    await dispute('DisputeOpened', orderId);
    await refund('RefundCancelled', orderId);

    await app.env.advanceHours(20 * DAY);
    expect(await statusOf(orderId)).toBe(0);
    expect((await app.service.orderStream(orderId)).map((e) => e.type).slice(-3)).toEqual(['AutoConfirmPaused', 'AutoConfirmPaused', 'AutoConfirmResumed']);

    await dispute('DisputeClosed', orderId);
    await app.env.advanceHours(9 * DAY);
    expect(await statusOf(orderId)).toBe(1);
  });

  it('given an open refund, when the same refund event is delivered again, then the order records it once', async () => {
    const orderId = await deliveredOrder();
    await refund('RefundRequested', orderId);
    await refund('RefundRequested', orderId);
    expect((await app.service.orderStream(orderId)).filter((e) => e.type === 'AutoConfirmPaused')).toHaveLength(1);
  });
});
