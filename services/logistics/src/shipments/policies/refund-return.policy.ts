import type { EventEnvelope, RefundEventData } from '@aftersales/contracts';
import type { CreateReturnShipment } from '../domain';

/** The buyer's return parcel as a refund event describes it: what a return shipment is created from. */
export type ReturnParcel = Pick<CreateReturnShipment, 'orderId' | 'refundId' | 'carrier' | 'trackingNo' | 'handedOverAt'>;

/** The refund events logistics reacts to (the bus passes the others over). */
export const REFUND_EVENTS_LOGISTICS_REACTS_TO: readonly string[] = ['RefundReturnShipped'];

/** The buyer's return parcel a refund event announces (RefundReturnShipped), or undefined when it announces none. */
export function returnShipmentOfRefundEvent(event: EventEnvelope): ReturnParcel | undefined {
  if (!REFUND_EVENTS_LOGISTICS_REACTS_TO.includes(event.type)) return undefined;
  const data = event.data as RefundEventData<'RefundReturnShipped'>;
  return {
    orderId: data.orderId,
    refundId: data.refundId,
    carrier: data.carrier,
    trackingNo: data.trackingNo,
    handedOverAt: data.shippedAt,
  };
}
