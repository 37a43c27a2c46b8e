import { agent, buyer, ops } from '../../support/http-client';
import { openDispute } from '../../support/disputes';
import { payOrder, placeOrder } from '../../support/orders';
import { paidOrder, requestRefund } from '../../support/refunds';
import { completedOrder, postReview } from '../../support/reviews';
import { followUpOf } from '../../support/review-follow-ups';
import type { ConsoleSystem } from './console-system';

/** What seedBackOffice made, by the ids the views and journeys look for (all of shop-1, buyer-1). */
export interface BackOffice {
  /** Placed, paid, shipped, delivered and received by the buyer: 交易成功. */
  completedOrderId: string;
  /** A buyer's complaint no one answered: its 24 h first response is 1 h overdue, the first item of shop-1's queue. */
  overdueDispute: { id: string; orderId: string };
  /** A refund request waiting for the merchant's answer. */
  refund: { id: string; orderId: string };
  /** A negative review and the follow-up case it opened for the shop. */
  negativeReview: { id: string; orderId: string; followUpId: string };
  /** A review held for the platform's moderation (it carries a phone number). */
  heldReview: { id: string; orderId: string };
  /** A goodwill compensation of ¥250.00 above the ¥200.00 threshold: waits for a supervisor's approval. */
  compensationAwaitingApproval: { id: string; orderId: string };
  /** The late-shipment compensation's payout the provider refused for good: finance re-drives it. */
  failedPayout: { id: string; orderId: string; compensationId: string };
}

/**
 * Seeds the back office through the public API only, as buyers, agents and carriers would make it, in the order the
 * clock needs: an unshipped order at the start (its late-shipment compensation is due after 72 h, and the payment
 * provider refuses its payout), 47 h later a complaint, 25 h 1 min later (the complaint's first response 1 h overdue,
 * the compensation refused) the fresh items: a refund request, a negative review with its follow-up, a held review, a
 * goodwill compensation awaiting approval. Settled at the end; the clock ends at 2026-11-05T08:01Z.
 */
export async function seedBackOffice(system: ConsoleSystem): Promise<BackOffice> {
  const { api } = system;
  await expectStatus(200, 'payment provider fault', api.post('/admin/payment-provider/faults', { reject: 1 }, ops));
  const unshipped = await placeOrder(api);
  await payOrder(api, unshipped);
  await system.advance({ hours: 47 });

  const { order: complained } = await paidOrder(api, 'delivered');
  const complaint = await openDispute(api, { orderId: complained.id, category: 'product_quality', description: 'The lid of the tin is cracked.' });
  await system.advance({ hours: 25, minutes: 1 });

  const { order: refunded } = await paidOrder(api, 'delivered');
  const refund = await requestRefund(api, { orderId: refunded.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
  const reviewed = await completedOrder(api);
  const negative = await postReview(api, { orderId: reviewed.id, rating: 'negative', score: 1, text: 'The tea tasted stale and the box was crushed.' });
  const held = await postReview(api, { orderId: (await completedOrder(api)).id, rating: 'negative', score: 1, text: 'Broken. Call me: 13812345678' });
  const completed = await completedOrder(api);
  const goodwillOrder = await placeOrder(api);
  await payOrder(api, goodwillOrder);
  const goodwill = await expectStatus(
    201,
    'goodwill compensation',
    api.post('/compensations', { orderId: goodwillOrder.id, kind: 'goodwill', amount: 25_000, note: 'Sorry for the wait' }, agent, { 'idempotency-key': `seed-gw-${goodwillOrder.id}` }),
  );
  await system.settle();

  const compensationId = `cmp_late_${unshipped.id}`;
  const followUp = await followUpOf(api, negative.id);
  if (!followUp) throw new Error(`seed: the negative review ${negative.id} opened no follow-up`);
  return {
    completedOrderId: completed.id,
    overdueDispute: { id: complaint.id, orderId: complained.id },
    refund: { id: refund.id, orderId: refunded.id },
    negativeReview: { id: negative.id, orderId: reviewed.id, followUpId: followUp.id },
    heldReview: { id: held.id, orderId: held.orderId },
    compensationAwaitingApproval: { id: goodwill.id, orderId: goodwillOrder.id },
    failedPayout: { id: `payout-compensation-${compensationId}`, orderId: unshipped.id, compensationId },
  };
}

/** The buyer accepts a remedy of a case through the API (what the buyer's app does), once per intent. */
export async function acceptRemedy(system: ConsoleSystem, disputeId: string, remedyId: string): Promise<any> {
  return expectStatus(200, 'remedy acceptance', system.api.post(`/disputes/${disputeId}/remedies/${remedyId}/acceptance`, {}, buyer, { 'idempotency-key': `accept-${remedyId}` }));
}

async function expectStatus(status: number, what: string, answer: Promise<{ status: number; body: any }>): Promise<any> {
  const { status: actual, body } = await answer;
  if (actual !== status) throw new Error(`seed: ${what}: ${actual} ${JSON.stringify(body)}`);
  return body;
}
