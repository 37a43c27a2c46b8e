import type { EventEnvelope } from '@aftersales/contracts';
import { returnShipmentOfRefundEvent } from './refund-return.policy';

const refundEvent = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion: 1,
  streamId: 'refund-rfd_1',
  revision: 2,
  position: 30,
  occurredAt: '2026-11-08T10:05:00.000Z',
  recordedAt: '2026-11-08T10:05:00.000Z',
  correlationId: 'corr-refund',
  causationId: null,
  actor: { id: 'buyer-1', role: 'buyer' },
  data,
});

describe('what a refund event asks of logistics', () => {
  it('given the buyer shipped the return, when RefundReturnShipped arrives, then a return shipment handed over at shippedAt is asked for', () => {
    const event = refundEvent('RefundReturnShipped', {
      refundId: 'rfd_1',
      orderId: 'ord_1',
      carrier: 'yto',
      trackingNo: 'YT1',
      shippedAt: '2026-11-08T10:00:00.000Z',
      merchantConfirmBy: '2026-11-18T10:00:00.000Z',
      rulebookVersion: '2026.1',
    });

    expect(returnShipmentOfRefundEvent(event)).toEqual({
      orderId: 'ord_1',
      refundId: 'rfd_1',
      carrier: 'yto',
      trackingNo: 'YT1',
      handedOverAt: '2026-11-08T10:00:00.000Z',
    });
  });

  it('given any other refund event (an exchange replacement), when it arrives, then no shipment is asked for', () => {
    const event = refundEvent('ExchangeReplacementOrderCreated', { refundId: 'rfd_1', orderId: 'ord_1', replacementOrderId: 'ord_r' });
    expect(returnShipmentOfRefundEvent(event)).toBeUndefined();
  });
});
