import { randomUUID } from 'node:crypto';
import type { Actor } from '@aftersales/contracts';
import type { NewEvent, ServiceRuntime } from '@aftersales/kernel';
import { createPayoutService, type PayoutServiceOptions } from '../../payouts/application';
import { testPlatform } from '../../payouts/testing/test-platform';
import { FakePaymentProvider } from '../../payouts/adapters/fake-payment-provider';
import { createCompensationService } from '../application';

export const agent: Actor = { id: 'agent-7', role: 'agent' };
export const supervisor: Actor = { id: 'sup-1', role: 'supervisor' };

/**
 * Payouts + compensation on the in-memory platform, their bus reactions following the log; order events are appended
 * as the order service would. `readSides` are runtimes that follow the same log (the ledger, the audit's sources).
 */
export function compensationWorld(options: Partial<PayoutServiceOptions> = {}, readSides: ServiceRuntime[] = []) {
  const env = testPlatform(new Date('2026-11-02T08:00:00.000Z'));
  const provider = new FakePaymentProvider({ now: () => env.clock.now() });
  const payouts = createPayoutService(env.platform, { provider, attemptTimeoutMs: 50, log: () => undefined, ...options });
  // One process: a case's approval is projected before the reaction that reads it, so a missing one is missing.
  const compensation = createCompensationService(env.platform, { payouts: payouts.payouts, log: () => undefined, caseApprovalWait: { timeoutMs: 0, intervalMs: 1 } });
  env.attach(
    [payouts.runtime, compensation.runtime, ...readSides],
    [
      (e) =>
        e.streamId.startsWith('order-')
          ? compensation.onOrderEvent(e)
          : e.streamId.startsWith('dispute-')
            ? compensation.onDisputeEvent(e)
            : compensation.onRefundEvent(e),
    ],
    [payouts],
  );

  const revisions = new Map<string, number>();
  /** Appends one order event (as the order service would) and returns its id. */
  const orderEvent = async (orderId: string, type: string, data: Record<string, unknown>): Promise<string> => {
    const streamId = `order-${orderId}`;
    const revision = revisions.get(streamId) ?? -1;
    const event: NewEvent = {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      data: { orderId, ...data },
      metadata: { occurredAt: env.clock.now().toISOString(), correlationId: randomUUID(), causationId: null, actor: { id: 'scheduler', role: 'system' } },
    };
    await env.store.append(streamId, [event], revision < 0 ? 'no_stream' : revision);
    revisions.set(streamId, revision + 1);
    return event.eventId;
  };

  /** The brief's order: 1000 CNY of goods + 10 CNY shipping, paid online. */
  const paidOrder = async (orderId: string, paidAmount = 101_000) => {
    const placed = await orderEvent(orderId, 'OrderPlaced', {
      buyerId: 'buyer-1',
      shopId: 'shop-1',
      currency: 'CNY',
      items: [{ sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 1, unitPrice: paidAmount - 1000 }],
      itemsTotal: paidAmount - 1000,
      shippingFee: 1000,
      total: paidAmount,
      paymentMethod: 'online',
      status: 'awaiting_payment',
      placedAt: env.clock.now().toISOString(),
      rulebookVersion: '2026-12-v4',
    });
    const paid = await orderEvent(orderId, 'OrderPaid', {
      shopId: 'shop-1',
      amount: paidAmount,
      currency: 'CNY',
      paymentRef: `pay-${orderId}`,
      paidAt: env.clock.now().toISOString(),
      shipWithinHours: 72,
      shipWithinSource: 'rulebook',
      shipBy: '2026-11-05T08:00:00.000Z',
      rulebookVersion: '2026-12-v4',
    });
    return { placed, paid };
  };

  const missShipBy = (orderId: string, paidAmount = 101_000, paymentMethod = 'online') =>
    orderEvent(orderId, 'ShipByDeadlineMissed', {
      shopId: 'shop-1',
      buyerId: 'buyer-1',
      shipBy: '2026-11-05T08:00:00.000Z',
      detectedAt: '2026-11-05T08:00:00.000Z',
      paymentMethod,
      paidAmount,
      itemsTotal: 100_000,
      shippingFee: 1000,
      total: 101_000,
      currency: 'CNY',
      rulebookVersion: '2026-12-v4',
    });

  /**
   * Appends a dispute event (as the dispute service would) and hands it to the reaction, which must take it whether
   * or not the log's consumer delivers it too (it is idempotent); returns the recorded event.
   */
  const disputeEvent = async (disputeId: string, type: string, data: Record<string, unknown>) => {
    const metadata = { occurredAt: env.clock.now().toISOString(), correlationId: randomUUID(), causationId: null, actor: { id: 'xiaoer-1', role: 'platform' as const } };
    const event: NewEvent = { eventId: randomUUID(), type, schemaVersion: 1, data: { disputeId, shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY', ...data }, metadata };
    const [recorded] = (await env.store.append(`dispute-${disputeId}`, [event], 'any')).events;
    await compensation.onDisputeEvent(recorded);
    await env.settle();
    return recorded;
  };

  const ctx = (actor: Actor, key?: string) => ({ actor, ...(key ? { commandKey: { key, requestHash: key } } : {}) });
  return { env, provider, payouts, compensation, orderEvent, disputeEvent, paidOrder, missShipBy, ctx };
}
