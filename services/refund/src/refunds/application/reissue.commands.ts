import { DomainError, type CommandContext } from '@aftersales/kernel';
import { requireRefund } from '../domain';
import type { RefundHandlers } from './refund-handlers';
import { refundStreamId } from './refund-ids';
import type { ReissueShipmentOutcome } from './refunds.types';

/** The merchant's reissue (补发) parcel: a shipment in logistics naming the refund, while the refund waits for it. */
export async function shipReissue(
  h: RefundHandlers,
  refundId: string,
  input: { carrier: string; trackingNo: string },
  ctx: CommandContext,
): Promise<ReissueShipmentOutcome> {
  const { state } = await h.refunds.load(refundStreamId(refundId));
  const refund = requireRefund(state, refundId);
  if (refund.status !== 'waiting_reissue') {
    throw new DomainError('conflict', 'illegal_transition', `shipping a reissue is not allowed while the status is ${refund.status}`, {
      currentStatus: refund.status,
    });
  }
  const result = await h.deps.logistics.createReissueShipment({ orderId: refund.orderId, refundId, ...input }, ctx);
  return {
    refundId,
    orderId: refund.orderId,
    shipmentId: result.state.shipmentId,
    carrier: input.carrier,
    trackingNo: input.trackingNo,
    revision: result.revision,
    eventIds: result.eventIds,
  };
}
