import { agent, buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import {
  cupExchangeShippedBack,
  cupRequest,
  getRefund,
  paidOrder,
  postRefund,
  refundCommand,
  withKey,
  requestRefund,
  returnAddress,
  timelineOf,
} from '../support/refunds';

const PAID = 101_000;

describe('refunds through HTTP: every type', () => {
  const t = useTestSystem('all');

  it('refund only before dispatch: approved, paid once, the order closes refunded in full and its undispatched shipment is cancelled', async () => {
    const { order } = await paidOrder(t.api, 'paid');
    const created = await t.api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: `SF-${order.id}` }, agent);
    expect(created.status).toBe(201);

    const requested = await postRefund(t.api, {
      orderId: order.id,
      type: 'refund_only',
      reason: 'other',
      amount: PAID,
      description: 'Ordered twice',
    });
    expect(requested.status).toBe(201);
    expect(requested.headers.get('location')).toBe(`/refunds/${requested.body.id}`);
    expect(requested.body).toMatchObject({ status: 'waiting_merchant', amount: PAID, refundableAmount: PAID, revision: 0 });
    expect(requested.headers.get('etag')).toBe('"0"');

    const approved = await refundCommand(t.api, requested.body.id, 'approval');
    expect(approved).toMatchObject({ status: 'refunding', payment: { payoutId: `pay_refund_${requested.body.id}`, trigger: 'approved' } });
    await t.settle();

    expect(await getRefund(t.api, requested.body.id)).toMatchObject({
      status: 'succeeded',
      closeReason: 'refunded',
      payment: { paidAt: expect.any(String) },
    });
    expect((await t.api.get(`/orders/${order.id}`)).body).toMatchObject({ status: 'closed', closeReason: 'refunded_in_full' });
    expect((await t.api.get(`/shipments/${created.body.id}`)).body).toMatchObject({ status: 'cancelled' });
    const timeline = await timelineOf(t.api, order.id);
    expect(timeline.filter((e) => e === 'refund:RefundPaid')).toHaveLength(1);
    expect(timeline.filter((e) => e === 'refund:PayoutSucceeded')).toHaveLength(1);
    expect(timeline).toContain('order:OrderClosed');
  });

  it('return and refund (7-day no-reason): eligible, the buyer pays the return, a return shipment goes through logistics, then the refund is paid', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.settle();
    await t.advance({ days: 3 });

    const refund = await requestRefund(t.api, {
      orderId: order.id,
      type: 'return_and_refund',
      reason: 'no_reason_7d',
      amount: 40_000,
      items: [{ sku: 'tea-500g', quantity: 1 }],
    });
    expect(refund.eligibility).toMatchObject({ eligible: true, grounds: ['within_window'], rule: { ruleId: 'refund.no_reason_7d' } });

    const approved = await refundCommand(t.api, refund.id, 'approval', { returnAddress });
    expect(approved).toMatchObject({ status: 'waiting_buyer_return', returnRequest: { shippingPaidBy: 'buyer', returnAddress } });
    const shipped = await refundCommand(t.api, refund.id, 'return-shipment', { carrier: 'YTO', trackingNo: `YT-${order.id}` }, buyer);
    expect(shipped.status).toBe('waiting_merchant_receipt');
    await t.settle();
    const shipments = (await t.api.get(`/orders/${order.id}/shipments`)).body.items as any[];
    expect(shipments.find((s) => s.direction === 'return')).toMatchObject({ refundId: refund.id, status: 'dispatched' });

    const received = await refundCommand(t.api, refund.id, 'return-receipt', { condition: 'intact' });
    expect(received.status).toBe('refunding');
    await t.settle();
    expect(await getRefund(t.api, refund.id)).toMatchObject({
      status: 'succeeded',
      payment: { trigger: 'return_received', amount: 40_000 },
    });
    expect((await t.api.get(`/orders/${order.id}`)).body.status).toBe('delivered'); // a partial refund leaves the order as it is
    expect((await t.api.get(`/orders/${order.id}/refunds`)).body.items.map((r: any) => r.id)).toEqual([refund.id]);
  });

  it('exchange: once the returned goods are confirmed, a replacement order at no charge is placed, linked to the original', async () => {
    const { order, refund } = await cupExchangeShippedBack(t.api, 'wrong_item', 'YTX');
    const received = await refundCommand(t.api, refund.id, 'return-receipt', { condition: 'intact' });
    expect(received).toMatchObject({
      status: 'succeeded',
      closeReason: 'exchange_fulfilled',
      replacementOrderId: expect.stringMatching(/^ord_/),
    });
    await t.settle();

    const replacement = (await t.api.get(`/orders/${received.replacementOrderId}`)).body;
    expect(replacement).toMatchObject({
      status: 'awaiting_shipment',
      replacesOrderId: order.id,
      exchangeRefundId: refund.id,
      total: 0,
      items: [expect.objectContaining({ sku: 'cup', quantity: 1, unitPrice: 0 })],
      address: order.address,
    });
    expect((await t.api.post('/shipments', { orderId: replacement.id, carrier: 'SF', trackingNo: `SF-R-${order.id}` }, agent)).status).toBe(
      201,
    );
  });

  it('reissue: the merchant ships the missing item again; when the parcel is dispatched the reissue succeeds and the order is not moved', async () => {
    const { order, refund } = await cupRequest(t.api, 'reissue', 'missing_item');
    const approved = await refundCommand(t.api, refund.id, 'approval');
    expect(approved).toMatchObject({ status: 'waiting_reissue', reissue: { items: [{ sku: 'cup', quantity: 1 }] } });

    const parcel = await t.api.post(`/refunds/${refund.id}/reissue-shipment`, { carrier: 'SF', trackingNo: `SF-RE-${order.id}` }, agent);
    expect(parcel.status).toBe(201);
    expect(parcel.body).toMatchObject({ refundId: refund.id, orderId: order.id, shipmentId: expect.stringMatching(/^shp_/) });
    expect((await t.api.post(`/shipments/${parcel.body.shipmentId}/dispatch`, {}, agent)).status).toBe(200);
    await t.settle();

    expect(await getRefund(t.api, refund.id)).toMatchObject({ status: 'succeeded', closeReason: 'reissue_fulfilled' });
    expect((await t.api.get(`/orders/${order.id}`)).body.status).toBe('delivered');
  });

  it('rejection and escalation: the dispute gets what it needs; a withdrawn request releases its amount', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const disputed = await requestRefund(t.api, {
      orderId: order.id,
      type: 'refund_only',
      reason: 'counterfeit',
      amount: 60_000,
      evidence: [{ kind: 'photo', ref: 'p/1.jpg' }],
    });
    const rejected = await refundCommand(t.api, disputed.id, 'rejection', {
      reason: 'Genuine, invoice attached',
      evidence: [{ kind: 'invoice', ref: 'i/9.pdf' }],
    });
    expect(rejected).toMatchObject({ status: 'rejected', deadlines: { escalateBy: expect.any(String) } });
    const escalated = await refundCommand(t.api, disputed.id, 'escalation', { description: 'The brand says it is fake' }, buyer);
    expect(escalated).toMatchObject({ status: 'escalated', escalation: { disputeId: expect.stringMatching(/^dsp_/) } });
    const stream = (await t.api.get(`/refunds/${disputed.id}/events`)).body.events as any[];
    expect(stream.map((e) => e.type)).toEqual(['RefundRequested', 'RefundRejected', 'RefundEscalated']);
    expect(stream[2].data).toMatchObject({
      shopId: 'shop-1',
      buyerId: 'buyer-1',
      amount: 60_000,
      rejectionReason: 'Genuine, invoice attached',
      evidence: [
        { kind: 'photo', ref: 'p/1.jpg' },
        { kind: 'invoice', ref: 'i/9.pdf' },
      ],
    });

    const over = await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 50_000 });
    expect(over.status).toBe(422);
    const withdrawn = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 41_000 });
    expect((await refundCommand(t.api, withdrawn.id, 'cancellation', { reason: 'Sorted it out' }, buyer)).status).toBe('cancelled');
    await t.settle();
    expect((await postRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 41_000 })).status).toBe(201);
  });
});

describe('refunds through HTTP: refusals are problem+json and change nothing', () => {
  const t = useTestSystem('all');

  it('given a delivery more than 7 days ago, then a no-reason return is 422 naming the window rule', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.settle();
    await t.advance({ days: 7, hours: 1 });
    const answer = await postRefund(t.api, { orderId: order.id, type: 'return_and_refund', reason: 'no_reason_7d', amount: 1000 });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      status: 422,
      code: 'refund.no_reason_window_expired',
      rule: 'refund.no_reason_window_expired',
      windowEndsAt: expect.any(String),
    });
    expect((await t.api.get(`/orders/${order.id}/refunds`)).body.items).toEqual([]);
  });

  it('given goods of an excluded category, then a no-reason return is 422 naming the category rule', async () => {
    const { order } = await paidOrder(t.api, 'delivered', {
      items: [{ sku: 'suit', title: 'Tailored suit', quantity: 1, unitPrice: 100_000, category: 'custom_made' }],
    });
    const answer = await postRefund(t.api, { orderId: order.id, type: 'return_and_refund', reason: 'no_reason_7d', amount: 1000 });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ rule: 'refund.no_reason_excluded_category', excludedCategories: ['custom_made'] });
  });

  it('given two requests of 60 % at once, then one is 201 and the other 422 naming what is still refundable', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const body = { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 60_600 };
    const answers = await Promise.all([postRefund(t.api, body), postRefund(t.api, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expect(answers.find((a) => a.status === 422)!.body).toMatchObject({ rule: 'refund.amount_exceeds_refundable', refundable: 40_400 });
  });

  it('given malformed input, an unknown refund, an illegal transition or a stale revision, then 400, 404, 409 and 409', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const invalid = await postRefund(t.api, { orderId: order.id, type: 'store_credit', reason: 'quality', amount: -1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: any) => e.field).sort()).toEqual(['/amount', '/type']);

    expect((await t.api.get('/refunds/rfd_nope')).status).toBe(404);
    expect((await t.api.post('/refunds/rfd_nope/approval', {}, agent, withKey())).status).toBe(404);

    const refund = await requestRefund(t.api, { orderId: order.id, type: 'return_and_refund', reason: 'quality', amount: 1000 });
    const noAddress = await t.api.post(`/refunds/${refund.id}/approval`, {}, agent, withKey());
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.errors).toEqual([expect.objectContaining({ field: '/returnAddress' })]);
    await refundCommand(t.api, refund.id, 'rejection', { reason: 'No defect visible' });
    const again = await t.api.post(`/refunds/${refund.id}/approval`, { returnAddress }, agent, withKey());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ currentStatus: 'rejected' });
    const stale = await t.api.post(`/refunds/${refund.id}/cancellation`, {}, buyer, { 'if-match': '"0"' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_revision');
  });

  it('given an Idempotency-Key, when the request is sent twice, then the same refund answers and nothing more is reserved', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const body = { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 101_000 };
    const first = await postRefund(t.api, body, buyer, { 'idempotency-key': `rf-${order.id}` });
    const again = await postRefund(t.api, body, buyer, { 'idempotency-key': `rf-${order.id}` });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await postRefund(t.api, { ...body, amount: 1 }, buyer, { 'idempotency-key': `rf-${order.id}` });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });
});
