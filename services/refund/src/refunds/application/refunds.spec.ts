import type { RefundAllowanceSettled } from '@aftersales/contracts';
import { IdempotencyKeyReuseError, WrongExpectedRevisionError } from '@aftersales/kernel';
import { refusal } from '@aftersales/kernel/testing';
import { allowanceStreamId, RefundRules } from '../domain';
import { buyer, items, merchant, PAID, refundScenario, returnAddress } from '../testing/refund-scenario';
import { PLATFORM_RETURNS_DESK } from './refund.timers';
import { replacementOrderIdOf } from './refund-ids';

/** What the order's allowance announced as each refund was paid (the facts the order service reacts to). */
async function settledOn(s: ReturnType<typeof refundScenario>, orderId: string) {
  const settled = (await s.env.eventStore.readStream(allowanceStreamId(orderId))).filter((e) => e.type === 'RefundAllowanceSettled');
  return settled.map((e) => {
    const { orderId: on, refundId, amount, refundedTotal, refundedInFull } = e.data as RefundAllowanceSettled;
    return { orderId: on, refundId, amount, refundedTotal, refundedInFull };
  });
}

describe('refunds: refund only before dispatch', () => {
  it('given a paid order, when the buyer asks for everything back and the merchant approves, then the money moves once and the allowance announces the order refunded in full', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder('paid');

    const refundId = await s.requested({ orderId, type: 'refund_only', reason: 'other', amount: PAID });
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'waiting_merchant', refundableAmount: PAID });
    await s.refunds.approveRefund(refundId, {}, merchant);
    await s.env.settle();

    expect(s.payouts.requests).toEqual([
      expect.objectContaining({
        payoutId: `pay_refund_${refundId}`,
        kind: 'refund',
        amount: PAID,
        refundId,
        orderId,
        shopId: 'shop-1',
        buyerId: 'buyer-1',
      }),
    ]);
    expect(await s.env.typesOf(`refund-${refundId}`)).toEqual([
      'RefundRequested',
      'RefundApproved',
      'RefundPaymentAuthorized',
      'RefundPaid',
      'RefundClosed',
    ]);
    const [paid] = (await s.refunds.refundStream(refundId)).filter((e) => e.type === 'RefundPaid');
    expect(paid.data).toMatchObject({ amount: PAID, totalRefundedOnOrder: PAID, trigger: 'approved', payoutId: `pay_refund_${refundId}` });
    expect(await s.refunds.getRefund(refundId)).toMatchObject({
      status: 'succeeded',
      closeReason: 'refunded',
      payment: { paidAt: expect.any(String) },
    });
    // the order service closes the order on this fact (its reaction to the refund topic)
    expect(await settledOn(s, orderId)).toEqual([{ orderId, refundId, amount: PAID, refundedTotal: PAID, refundedInFull: true }]);
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ refundedTotal: PAID, reservedTotal: 0 });
  });

  it('given a partial refund paid, then the allowance does not announce the order refunded in full', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder('paid');
    const refundId = await s.approved({
      orderId,
      type: 'refund_only',
      reason: 'out_of_stock',
      amount: 20_000,
      items: [{ sku: 'cup', quantity: 1 }],
    });
    expect(await s.statusOf(refundId)).toBe('succeeded');
    expect(await settledOn(s, orderId)).toEqual([expect.objectContaining({ refundedTotal: 20_000, refundedInFull: false })]);
  });
});

describe('refunds: never more than paid', () => {
  it('given a paid order, when two requests of 60 % arrive at once, then exactly one is recorded and the other is refused naming the rule', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const ask = () => s.refunds.requestRefund({ orderId, type: 'refund_only', reason: 'quality', amount: 60_600 }, buyer);

    const outcomes = await Promise.allSettled([ask(), ask()]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason;
    expect(refused).toMatchObject({ kind: 'rule', code: RefundRules.amountExceedsRefundable, details: { refundable: 40_400 } });
    const allowance = await s.refunds.allowanceOf(orderId);
    expect(allowance).toMatchObject({ reservedTotal: 60_600, paidAmount: PAID });
  });

  it('given a cancelled request, then its reservation is released and the amount can be asked again', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const first = await s.requested({ orderId, type: 'refund_only', reason: 'quality', amount: PAID });
    await s.refunds.cancelRefund(first, { reason: 'changed my mind' }, buyer);
    await s.env.settle();

    expect(await s.env.typesOf(allowanceStreamId(orderId))).toEqual([
      'RefundAllowanceOpened',
      'RefundAllowanceReserved',
      'RefundAllowanceReleased',
    ]);
    await expect(s.requested({ orderId, type: 'refund_only', reason: 'quality', amount: PAID })).resolves.toMatch(/^rfd_/);
  });

  it('given a refused request (window expired), then nothing is reserved or recorded', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    s.env.clock.advanceBy(8 * 86_400_000);
    const error = await refusal(
      s.refunds.requestRefund({ orderId, type: 'return_and_refund', reason: 'no_reason_7d', amount: 1000 }, buyer),
    );
    expect(error).toMatchObject({ kind: 'rule', code: RefundRules.noReasonWindowExpired });
    expect(await s.env.typesOf(allowanceStreamId(orderId))).toEqual([]);
  });

  it('given an order the refund service never heard of, when a refund is asked, then 404', async () => {
    const s = refundScenario();
    expect(
      await refusal(s.refunds.requestRefund({ orderId: 'ord_nope', type: 'refund_only', reason: 'other', amount: 1 }, buyer)),
    ).toMatchObject({
      kind: 'not_found',
    });
  });

  it('given an order nobody placed and the order view caught up, when a refund is asked, then 404 at once: no bounded wait is spent on it', async () => {
    let slept = 0;
    const sleep = (ms: number) => {
      slept += ms;
      if (slept > 100) return Promise.reject(new Error(`waited ${slept} ms for an order the caught-up view does not know`));
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    const s = refundScenario({ consistencyTimeoutMs: 60_000, sleep });
    await s.paidOrder();

    const error = await refusal(s.refunds.requestRefund({ orderId: 'ord_nope', type: 'refund_only', reason: 'other', amount: 1 }, buyer));

    expect(error).toMatchObject({ kind: 'not_found', details: { id: 'ord_nope' } });
    expect(slept).toBeLessThanOrEqual(100);
  });

  it('given an order placed and paid that the order view has not consumed yet, when a refund is asked, then it waits for the view and is accepted', async () => {
    // The in-memory consumers run on settle: here each pause of the bounded wait lets them run, as they would by
    // themselves in a process (the read-your-writes wait after the request ends at its bound).
    let consume = (): Promise<void> => Promise.resolve();
    const s = refundScenario({ consistencyTimeoutMs: 200, sleep: () => consume() });
    consume = () => s.env.settle();
    await s.env.record('order-ord_fresh', 'OrderPlaced', {
      orderId: 'ord_fresh',
      buyerId: 'buyer-1',
      shopId: 'shop-1',
      currency: 'CNY',
      items,
      status: 'awaiting_payment',
      paymentMethod: 'online',
    });
    await s.env.record('order-ord_fresh', 'OrderPaid', { orderId: 'ord_fresh', shopId: 'shop-1', amount: PAID, currency: 'CNY', paidAt: s.env.clock.now().toISOString() });

    const result = await s.refunds.requestRefund({ orderId: 'ord_fresh', type: 'refund_only', reason: 'other', amount: PAID }, buyer);

    expect(result.state).toMatchObject({ orderId: 'ord_fresh', status: 'waiting_merchant' });
  });

  it('given a crash between the reservation and the request, when 15 minutes pass, then the orphan reservation is released', async () => {
    // the process dies as the request is written: from then on nothing it would write reaches the log
    let killed = false;
    let killAtRefundAppend = false;
    const s = refundScenario({}, [
      '2026-11-02T08:00:00.000Z',
      (store) =>
        Object.assign(Object.create(store), {
          append: (streamId: string, ...rest: Parameters<typeof store.append> extends [string, ...infer R] ? R : never) => {
            if (killAtRefundAppend && streamId.startsWith('refund-rfd_')) killed = true;
            if (killed) return Promise.reject(new Error('process killed'));
            return store.append(streamId, ...rest);
          },
        }),
    ]);
    const orderId = await s.paidOrder();
    killAtRefundAppend = true;
    await expect(s.refunds.requestRefund({ orderId, type: 'refund_only', reason: 'quality', amount: PAID }, buyer)).rejects.toThrow(
      'process killed',
    );
    // restarted
    killed = false;
    killAtRefundAppend = false;
    await s.env.settle();
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: PAID });

    await s.env.advanceDays(1 / 96);

    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 0 });
    const [released] = (await s.env.eventStore.readStream(allowanceStreamId(orderId))).slice(-1);
    expect(released).toMatchObject({ type: 'RefundAllowanceReleased', data: { reason: 'request_not_recorded' } });
  });

  it('given a request with a stale If-Match, when refused (409), then nothing is reserved: twice on a 101000 order leaves all of it refundable', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const stale = { ...buyer, expectedRevision: 3 };

    for (const key of ['k-stale-1', 'k-stale-2']) {
      const ctx = { ...stale, commandKey: { key: `POST /refunds:buyer-1:${key}`, requestHash: key } };
      await expect(s.refunds.requestRefund({ orderId, type: 'refund_only', reason: 'quality', amount: 100_000 }, ctx)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    }
    await s.env.settle();

    expect(await s.env.typesOf(allowanceStreamId(orderId))).toEqual([]);
    await expect(s.requested({ orderId, type: 'refund_only', reason: 'quality', amount: PAID })).resolves.toMatch(/^rfd_/);
  });

  it('given the request fails to be recorded after its reservation (the store refuses it), then the reservation is released at once, not 15 minutes later', async () => {
    let failNextRefundAppend = false;
    const s = refundScenario({}, [
      '2026-11-02T08:00:00.000Z',
      (store) =>
        Object.assign(Object.create(store), {
          append: (streamId: string, ...rest: Parameters<typeof store.append> extends [string, ...infer R] ? R : never) => {
            if (failNextRefundAppend && streamId.startsWith('refund-rfd_')) {
              failNextRefundAppend = false;
              return Promise.reject(new WrongExpectedRevisionError(streamId, 'no_stream', 0));
            }
            return store.append(streamId, ...rest);
          },
        }),
    ]);
    const orderId = await s.paidOrder();
    failNextRefundAppend = true;
    const keyed = { ...buyer, commandKey: { key: 'POST /refunds:buyer-1:k-retry', requestHash: 'h' } };
    await expect(
      s.refunds.requestRefund({ orderId, type: 'refund_only', reason: 'quality', amount: PAID }, { ...keyed, expectedRevision: -1 }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await s.env.settle();

    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 0 });
    expect(await s.env.typesOf(allowanceStreamId(orderId))).toEqual(['RefundAllowanceOpened', 'RefundAllowanceReserved', 'RefundAllowanceReleased']);
    // and a retry under the same Idempotency-Key is a request like any other
    const retried = await s.refunds.requestRefund({ orderId, type: 'refund_only', reason: 'quality', amount: PAID }, keyed);
    expect(retried.state).toMatchObject({ status: 'waiting_merchant', amount: PAID });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: PAID });
  });
});

describe('refunds: idempotency', () => {
  const keyed = (key: string, hash = 'h1') => ({ ...buyer, commandKey: { key: `POST /refunds:buyer-1:${key}`, requestHash: hash } });

  it('given an Idempotency-Key, when the same request is sent twice, then the first refund answers and one amount is reserved', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const input = { orderId, type: 'refund_only' as const, reason: 'quality' as const, amount: 50_000 };
    const first = await s.refunds.requestRefund(input, keyed('k1'));
    const again = await s.refunds.requestRefund(input, keyed('k1'));

    expect(again).toMatchObject({ replayed: true, streamId: first.streamId, eventIds: first.eventIds });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 50_000 });
    await expect(s.refunds.requestRefund(input, keyed('k1', 'other-body'))).rejects.toBeInstanceOf(IdempotencyKeyReuseError);
  });
});

describe('refunds: return and refund', () => {
  it('given an approved return, when the buyer ships it and the merchant confirms, then the return parcel is announced for logistics and the refund is paid', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({
      orderId,
      type: 'return_and_refund',
      reason: 'quality',
      amount: 40_000,
      items: [{ sku: 'tea-500g', quantity: 1 }],
    });
    await s.refunds.approveRefund(refundId, { returnAddress }, merchant);
    const shipped = await s.refunds.shipReturn(refundId, { carrier: 'yto', trackingNo: 'YT1' }, buyer);
    await s.env.settle();

    // logistics creates the return shipment from this event (its reaction to the refund topic), the buyer as actor
    expect(shipped.events).toEqual([
      expect.objectContaining({
        type: 'RefundReturnShipped',
        actor: buyer.actor,
        data: expect.objectContaining({
          orderId,
          refundId,
          carrier: 'yto',
          trackingNo: 'YT1',
          shippedAt: shipped.state!.returnShipment!.shippedAt,
        }),
      }),
    ]);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({
      status: 'waiting_merchant_receipt',
      returnRequest: { shippingPaidBy: 'merchant' },
    });

    await s.refunds.confirmReturnReceipt(refundId, { condition: 'intact' }, merchant);
    await s.env.settle();
    expect(await s.refunds.getRefund(refundId)).toMatchObject({
      status: 'succeeded',
      payment: { trigger: 'return_received', amount: 40_000 },
    });
  });

  it('given the same event delivered again, then its effects are not repeated', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    await s.approved({ orderId, type: 'refund_only', reason: 'quality', amount: 1000 });
    const log = await s.env.eventStore.readAll(0, 1000);
    const before = log.length;

    for (const event of log) await s.refunds.onRefundEvent(event);
    await s.env.settle();

    expect(await s.env.eventStore.headPosition()).toBe(before);
    expect(s.payouts.requests).toHaveLength(1);
  });
});

describe('refunds: exchange and reissue', () => {
  it('given an exchange, when the returned goods are confirmed, then the replacement order is announced, linked to the original', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({
      orderId,
      type: 'exchange',
      reason: 'wrong_item',
      amount: 0,
      items: [{ sku: 'cup', quantity: 1 }],
    });
    expect(await s.refunds.allowanceOf(orderId)).toBeNull(); // an exchange moves no money: nothing is reserved
    await s.refunds.approveRefund(refundId, { returnAddress }, merchant);
    await s.refunds.shipReturn(refundId, { carrier: 'yto', trackingNo: 'YT2' }, buyer);
    await s.refunds.confirmReturnReceipt(refundId, { condition: 'intact' }, merchant);
    await s.env.settle();

    // the order service places the replacement from this event (its reaction to the refund topic)
    const replacements = (await s.refunds.refundStream(refundId)).filter((e) => e.type === 'ExchangeReplacementOrderCreated');
    expect(replacements.map((e) => e.data)).toEqual([
      {
        refundId,
        orderId,
        replacementOrderId: replacementOrderIdOf(refundId),
        items: [{ sku: 'cup', quantity: 1 }],
        createdAt: expect.any(String),
      },
    ]);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'succeeded', replacementOrderId: replacementOrderIdOf(refundId) });
    expect(s.payouts.requests).toEqual([]);
  });

  it('given an approved reissue, when the merchant ships it and logistics reports the dispatch, then the reissue succeeds', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.approved({
      orderId,
      type: 'reissue',
      reason: 'missing_item',
      amount: 0,
      items: [{ sku: 'cup', quantity: 1 }],
    });
    expect(await s.statusOf(refundId)).toBe('waiting_reissue');

    const shipment = await s.refunds.shipReissue(refundId, { carrier: 'sf', trackingNo: 'SF9' }, merchant);
    expect(s.logistics.reissues.map((c) => c.input)).toEqual([{ orderId, refundId, carrier: 'sf', trackingNo: 'SF9' }]);
    await s.env.record(`shipment-${shipment.shipmentId}`, 'ShipmentDispatched', {
      shipmentId: shipment.shipmentId,
      orderId,
      refundId,
      carrier: 'sf',
      trackingNo: 'SF9',
      dispatchedAt: s.env.clock.now().toISOString(),
      trigger: 'manual',
    });
    await s.env.settle();

    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'succeeded', closeReason: 'reissue_fulfilled' });
  });

  it('given a reissue still waiting for the merchant, when a reissue parcel is registered, then 409 and logistics is not asked', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({ orderId, type: 'reissue', reason: 'missing_item', amount: 0 });
    expect(await refusal(s.refunds.shipReissue(refundId, { carrier: 'sf', trackingNo: 'SF9' }, merchant))).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'waiting_merchant' },
    });
    expect(s.logistics.reissues).toEqual([]);
  });
});

describe('refunds: timeouts (durable timers)', () => {
  it('given a merchant silent for 5 days, then the return is approved automatically to the shop’s address on file', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const earlier = await s.requested({ orderId, type: 'return_and_refund', reason: 'quality', amount: 1000 });
    await s.refunds.approveRefund(earlier, { returnAddress }, merchant);
    await s.env.settle();
    const silent = await s.requested({ orderId, type: 'return_and_refund', reason: 'damaged', amount: 2000 });

    await s.env.advanceDays(4.9);
    expect(await s.statusOf(silent)).toBe('waiting_merchant');
    await s.env.advanceDays(0.1);

    const refund = await s.refunds.getRefund(silent);
    expect(refund).toMatchObject({ status: 'waiting_buyer_return', approval: { by: 'auto_timeout' }, returnRequest: { returnAddress } });
    const [approved] = (await s.refunds.refundStream(silent)).filter((e) => e.type === 'RefundApproved');
    expect(approved).toMatchObject({ actor: { id: 'scheduler', role: 'system' }, occurredAt: refund!.deadlines.merchantRespondBy });
  });

  it('given a shop without an address on file, when auto-approved, then the fallback returns desk is used', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({ orderId, type: 'exchange', reason: 'quality', amount: 0 });
    await s.env.advanceDays(5);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ returnRequest: { returnAddress: PLATFORM_RETURNS_DESK } });
  });

  it('given an approved return the buyer never ships, then after 7 days it closes and the reservation is released', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({ orderId, type: 'return_and_refund', reason: 'quality', amount: 5000 });
    await s.refunds.approveRefund(refundId, { returnAddress }, merchant);
    await s.env.advanceDays(7);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'closed', closeReason: 'buyer_return_timeout' });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 0 });
  });

  it('given a shipped return the merchant never confirms, then after 10 days it is refunded automatically', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({ orderId, type: 'return_and_refund', reason: 'quality', amount: 5000 });
    await s.refunds.approveRefund(refundId, { returnAddress }, merchant);
    await s.refunds.shipReturn(refundId, { carrier: 'yto', trackingNo: 'YT3' }, buyer);
    await s.env.advanceDays(9.9);
    expect(await s.statusOf(refundId)).toBe('waiting_merchant_receipt');
    await s.env.advanceDays(0.1);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'succeeded', payment: { trigger: 'return_confirm_timeout' } });
  });

  it('given a rejection nobody escalates, then after 7 days it closes and the reservation is released', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({ orderId, type: 'refund_only', reason: 'quality', amount: 5000 });
    await s.refunds.rejectRefund(refundId, { reason: 'Not a defect' }, merchant);
    await s.env.advanceDays(7);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'closed', closeReason: 'escalation_window_expired' });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 0 });
  });

  it('given an escalated rejection, then the reservation stays for the dispute and a platform ruling can pay it', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const refundId = await s.requested({ orderId, type: 'refund_only', reason: 'counterfeit', amount: 5000 });
    await s.refunds.rejectRefund(refundId, { reason: 'It is genuine' }, merchant);
    await s.refunds.escalateRefund(refundId, { description: 'Brand says fake' }, buyer);
    await s.env.advanceDays(8);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({
      status: 'escalated',
      escalation: { disputeId: expect.stringMatching(/^dsp_/) },
    });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 5000 });

    await s.refunds.approveByPlatformRuling(refundId, {}, { actor: { id: 'xiaoer-1', role: 'platform' } });
    await s.env.settle();
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'succeeded', payment: { trigger: 'platform_ruling' } });
  });
});

describe('refunds: listing', () => {
  it('given several requests on an order, when listed, then they come oldest first', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const first = await s.requested(
      { orderId, type: 'refund_only', reason: 'quality', amount: 1000 },
      { ...buyer, commandKey: { key: 'zzz', requestHash: 'h' } },
    );
    s.env.clock.advanceBy(60_000);
    const second = await s.requested({ orderId, type: 'refund_only', reason: 'quality', amount: 1000 });
    expect((await s.refunds.listRefundsByOrder(orderId)).items.map((r) => r.id)).toEqual([first, second]);
  });
});
