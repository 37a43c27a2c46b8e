import type { CommandContext } from '@aftersales/kernel';

/**
 * What the refund service still asks of another service directly, as a structural port: in the embedded runtime the
 * logistics facade itself; in multi-process mode a client of the logistics process. Everything else other services
 * do about refunds they do from the refund topic (replacement order, refunded closure, return shipment).
 */
export interface LogisticsPort {
  /**
   * The merchant's reissue (补发) parcel: outbound, naming the refund. Synchronous for now because
   * POST /refunds/{id}/reissue-shipment answers with the shipment id logistics allocates. The call carries the
   * caller's command key, so a retry appends nothing.
   */
  createReissueShipment(
    input: { orderId: string; refundId: string; carrier: string; trackingNo: string },
    ctx: CommandContext,
    options?: { readYourWrites?: boolean },
  ): Promise<{ state: { shipmentId: string }; revision: number; eventIds: string[] }>;
}
