import type { CommandContext, RecordedEvent } from '@aftersales/kernel';
import { createRefunds, type Refunds, type RefundsOptions } from '../application';
import { fakeLogistics, fakePayouts } from './fake-ports';
import { deliveredOrder, PAID, returnAddress } from './refund-fixtures';
import { refundTestPlatform } from './refund-test-platform';

export const buyer: CommandContext = { actor: { id: 'buyer-1', role: 'buyer' } };
export const merchant: CommandContext = { actor: { id: 'agent-7', role: 'agent' } };

export { PAID, returnAddress };

/** The brief's worked example: 1000 CNY of goods (two lines) + 10 CNY shipping (PAID). */
export const items = deliveredOrder().items;

/**
 * The refund requests on the in-memory platform, with fake logistics and payout ports, and helpers that put
 * orders into the log as the order service would. Consumers follow the log the way the bus would deliver it.
 */
export function refundScenario(options: RefundsOptions = {}, platformArgs: Parameters<typeof refundTestPlatform> = []) {
  const env = refundTestPlatform(...platformArgs);
  const logistics = fakeLogistics();
  const payouts = fakePayouts(env.eventStore, env.clock);
  const refunds: Refunds = createRefunds(
    env.platform,
    { logistics: logistics.port, payouts: payouts.port },
    { consistencyTimeoutMs: 0, log: () => undefined, ...options },
  );
  const consume = (event: RecordedEvent) => {
    if (event.streamId.startsWith('order-')) return refunds.onOrderEvent(event);
    if (event.streamId.startsWith('shipment-')) return refunds.onLogisticsEvent(event);
    if (event.streamId.startsWith('dispute-')) return refunds.onDisputeEvent(event);
    if (event.streamId.startsWith('review-')) return refunds.onReviewEvent(event);
    return refunds.onRefundEvent(event);
  };
  env.attach(refunds.runtime, [consume]);

  let orderNo = 0;
  const now = () => env.clock.now().toISOString();

  /** A paid online order, delivered unless told otherwise; returns its id once the refund service knows it. */
  async function paidOrder(stage: 'paid' | 'shipped' | 'delivered' = 'delivered', lines = items): Promise<string> {
    const orderId = `ord_t${++orderNo}`;
    const stream = `order-${orderId}`;
    await env.record(stream, 'OrderPlaced', {
      orderId,
      buyerId: 'buyer-1',
      shopId: 'shop-1',
      currency: 'CNY',
      items: lines,
      status: 'awaiting_payment',
      paymentMethod: 'online',
    });
    await env.record(stream, 'OrderPaid', { orderId, shopId: 'shop-1', amount: PAID, currency: 'CNY', paidAt: now() });
    if (stage !== 'paid') await env.record(stream, 'OrderShipped', { orderId, shipmentId: 'shp_1', dispatchedAt: now() });
    if (stage === 'delivered') await env.record(stream, 'OrderDelivered', { orderId, shipmentId: 'shp_1', deliveredAt: now() });
    await env.settle();
    return orderId;
  }

  /** Requests, settles, and returns the refund id. */
  async function requested(input: Parameters<Refunds['requestRefund']>[0], ctx: CommandContext = buyer): Promise<string> {
    const result = await refunds.requestRefund(input, ctx);
    await env.settle();
    return result.state!.id;
  }

  /** Requests, has the merchant approve without a return, settles, and returns the refund id. */
  async function approved(input: Parameters<Refunds['requestRefund']>[0]): Promise<string> {
    const refundId = await requested(input);
    await refunds.approveRefund(refundId, {}, merchant);
    await env.settle();
    return refundId;
  }

  const statusOf = async (refundId: string) => (await refunds.getRefund(refundId))?.status;

  return { env, refunds, logistics, payouts, paidOrder, requested, approved, statusOf };
}
