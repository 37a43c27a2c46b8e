import { agent, buyer, platform, supervisor, type Actor } from '../support/http-client';
import { disputeCommand, disputeEvents, getDispute, openDispute } from '../support/disputes';
import { useTestSystem } from '../support/embedded-system';
import { now, paidOrder, refundCommand, requestRefund, withKey } from '../support/refunds';

const HOUR_MS = 3_600_000;
const rulebookVersion = '2026-12-v5';
const otherBuyer: Actor = { id: 'buyer-2', role: 'buyer' };
const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };

/** Complaints and disputes through HTTP with the manual clock (issue 12, the dispute service's done-when lines). */
describe('disputes through HTTP', () => {
  const t = useTestSystem();

  it('given a buyer complaint the shop does not answer, when 24 h pass, then the first response is breached and the case is in the supervisor’s overdue view', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const opened = await openDispute(t.api, { orderId: order.id });
    expect(opened).toMatchObject({ status: 'open', origin: 'buyer_complaint', shopId: 'shop-1', buyerId: 'buyer-1', paidAmount: order.total });
    expect(Date.parse(opened.deadlines.firstResponseBy) - Date.parse(opened.openedAt)).toBe(24 * HOUR_MS);

    await t.advance({ hours: 23 });
    expect((await getDispute(t.api, opened.id)).overdue).toBe(false);
    await t.advance({ hours: 1 });

    const breached = await getDispute(t.api, opened.id);
    expect(breached).toMatchObject({ overdue: true, slaBreaches: [{ metric: 'first_response', at: opened.deadlines.firstResponseBy }] });
    const breach = (await disputeEvents(t.api, opened.id)).find((e) => e.type === 'DisputeSlaBreached');
    expect(breach).toMatchObject({ actor: { role: 'system' }, data: { ruleId: 'dispute.first_response', rulebookVersion } });
    const overdue = await t.api.get('/disputes?overdue=true', supervisor);
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((c: any) => c.id)).toEqual([opened.id]);
    expect((await t.api.get('/disputes?overdue=true', otherShopAgent)).body.items).toEqual([]);
  });

  it('given the shop waiting on the buyer for 10 h, when the buyer answers, then the resolution deadline moved by the paused 10 h', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const opened = await openDispute(t.api, { orderId: order.id });
    await t.advance({ hours: 2 });
    const waiting = await disputeCommand(t.api, opened.id, 'messages', { text: 'A daylight photo, please?', awaitingReply: true });
    expect(waiting).toMatchObject({ status: 'awaiting_buyer', deadlines: { pausedSince: await now(t.api) } });
    expect(waiting.deadlines.resolveBy).toBeUndefined();

    await t.advance({ hours: 10 });
    const resumed = await disputeCommand(t.api, opened.id, 'messages', { text: 'Here it is.' }, buyer);

    expect(resumed.status).toBe('in_progress');
    expect(Date.parse(resumed.deadlines.resolveBy) - Date.parse(opened.deadlines.resolveBy)).toBe(10 * HOUR_MS);
    await t.advance({ hours: 72 - 12 });
    expect((await getDispute(t.api, opened.id)).slaBreaches).toEqual([]);
  });

  it('given a remedy of 30000 fen, then it waits for a supervisor; once approved the buyer accepts and the case resolves', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const opened = await openDispute(t.api, { orderId: order.id });
    await disputeCommand(t.api, opened.id, 'messages', { text: 'Sorry about that.' });
    const proposed = await disputeCommand(t.api, opened.id, 'remedies', { kind: 'partial_refund', amount: 30_000, description: '300 CNY back' });
    expect(proposed).toMatchObject({ status: 'remedy_proposed', remedies: [{ id: 'rem-1', status: 'awaiting_approval', requiresSupervisorApproval: true }] });

    const tooEarly = await t.api.post(`/disputes/${opened.id}/remedies/rem-1/acceptance`, {}, buyer, withKey());
    expect(tooEarly.status).toBe(422);
    expect((await t.api.post(`/disputes/${opened.id}/remedies/rem-1/approval`, {}, agent)).status).toBe(403);

    await disputeCommand(t.api, opened.id, 'remedies/rem-1/approval', {}, supervisor);
    const accepted = await disputeCommand(t.api, opened.id, 'remedies/rem-1/acceptance', {}, buyer);
    expect(accepted).toMatchObject({ status: 'resolved', remedies: [{ status: 'accepted' }] });
    const acceptedEvent = (await disputeEvents(t.api, opened.id)).find((e) => e.type === 'DisputeRemedyAccepted');
    expect(acceptedEvent.data).toMatchObject({ disputeId: opened.id, orderId: order.id, shopId: 'shop-1', buyerId: 'buyer-1', amount: 30_000 });

    const closed = await disputeCommand(t.api, opened.id, 'follow-up', { satisfaction: 4 });
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 4 });
  });

  it('given an open complaint, then a second one of the same category on the order is 409; another category opens', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await openDispute(t.api, { orderId: order.id });
    const second = await t.api.post('/disputes', { orderId: order.id, category: 'not_as_described', description: 'Again' }, buyer);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ status: 409 });
    await openDispute(t.api, { orderId: order.id, category: 'logistics' });
    expect((await t.api.get(`/orders/${order.id}/disputes`, buyer)).body.items).toHaveLength(2);
  });

  it('given a rejected refund escalated by the buyer, then its case is in arbitration; evidence from both sides, one answered, one overdue, a ruling and one appeal', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'not_as_described', amount: 60_000 });
    await refundCommand(t.api, refund.id, 'rejection', { reason: 'It matches the photos' });
    const escalated = await refundCommand(t.api, refund.id, 'escalation', { description: 'It does not' }, buyer);
    await t.settle();

    const disputeId = escalated.escalation.disputeId;
    const opened = await getDispute(t.api, disputeId);
    expect(opened).toMatchObject({ status: 'arbitration', origin: 'refund_escalation', refundId: refund.id, orderId: order.id });

    const toShop = await disputeCommand(t.api, disputeId, 'evidence-requests', { party: 'merchant', description: 'Photos as shipped' }, platform);
    const toBuyer = await disputeCommand(t.api, disputeId, 'evidence-requests', { party: 'buyer', description: 'Photos as received', dueInHours: 24 }, platform);
    expect(Date.parse(toShop.evidenceRequests[0].dueAt) - Date.parse(await now(t.api))).toBe(72 * HOUR_MS);
    const [shopRequest, buyerRequest] = toBuyer.evidenceRequests;

    await disputeCommand(t.api, disputeId, 'evidence', { requestId: shopRequest.id, items: [{ kind: 'photo', ref: 'm/shipped.jpg' }] });
    const again = await t.api.post(`/disputes/${disputeId}/evidence`, { requestId: shopRequest.id, items: [{ kind: 'photo', ref: 'm/2.jpg' }] }, agent);
    expect(again.status).toBe(409);

    await t.advance({ hours: 25 });
    const late = await t.api.post(`/disputes/${disputeId}/evidence`, { requestId: buyerRequest.id, items: [{ kind: 'photo', ref: 'b/1.jpg' }] }, buyer);
    expect(late.status).toBe(422);
    expect(late.body.type).toContain('dispute.evidence_overdue');
    expect((await getDispute(t.api, disputeId)).evidenceRequests).toMatchObject([
      { id: shopRequest.id, overdue: false, submittedAt: expect.any(String) },
      { id: buyerRequest.id, overdue: true },
    ]);

    const ruled = await disputeCommand(
      t.api,
      disputeId,
      'ruling',
      { outcome: 'buyer_wins', refundAmount: 60_000, violation: 'not_as_described', reason: 'The photos differ.' },
      platform,
    );
    expect(Date.parse(ruled.ruling.appealBy) - Date.parse(ruled.ruling.ruledAt)).toBe(7 * 24 * HOUR_MS);
    const ruling = (await disputeEvents(t.api, disputeId)).find((e) => e.type === 'DisputeRuled');
    expect(ruling.data).toMatchObject({ outcome: 'buyer_wins', refundId: refund.id, buyerId: 'buyer-1', rulebookVersion, onAppeal: false });
    expect(ruling.data.basedOn.length).toBeGreaterThanOrEqual(2);

    expect((await t.api.post(`/disputes/${disputeId}/appeal`, { reason: 'I won' }, buyer)).status).toBe(422);
    const appealed = await disputeCommand(t.api, disputeId, 'appeal', { reason: 'The buyer washed it.' });
    expect(appealed).toMatchObject({ status: 'arbitration', appeal: { party: 'merchant' } });
    expect((await t.api.post(`/disputes/${disputeId}/appeal`, { reason: 'Once more' }, agent)).status).toBe(409);
  });

  it('given a ruling, when the appeal comes after the 7-day window, then it is 422 dispute.appeal_window_expired', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const opened = await openDispute(t.api, { orderId: order.id });
    await disputeCommand(t.api, opened.id, 'escalation', { to: 'platform', reason: 'No answer' }, buyer);
    await disputeCommand(t.api, opened.id, 'ruling', { outcome: 'merchant_wins', reason: 'As described.' }, platform);
    await t.advance({ days: 7, hours: 1 });
    const late = await t.api.post(`/disputes/${opened.id}/appeal`, { reason: 'Too late' }, buyer);
    expect(late.status).toBe(422);
    expect(late.body.type).toContain('dispute.appeal_window_expired');
    expect((await getDispute(t.api, opened.id)).status).toBe('resolved');
  });

  it('given a case, then ?asOf answers as it stood then, and only its buyer, its shop, the platform and finance see it', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const opened = await openDispute(t.api, { orderId: order.id });
    const before = await now(t.api);
    await t.advance({ hours: 1 });
    await disputeCommand(t.api, opened.id, 'messages', { text: 'Looking into it.' });

    expect((await getDispute(t.api, opened.id)).status).toBe('in_progress');
    expect(await getDispute(t.api, opened.id, `?asOf=${encodeURIComponent(before)}`)).toMatchObject({ status: 'open', revision: opened.revision });

    expect((await t.api.get(`/disputes/${opened.id}`, buyer)).status).toBe(200);
    expect((await t.api.get(`/disputes/${opened.id}`, otherBuyer)).status).toBe(404);
    expect((await t.api.get(`/disputes/${opened.id}`, otherShopAgent)).status).toBe(404);
    expect((await t.api.post(`/disputes/${opened.id}/ruling`, { outcome: 'buyer_wins', reason: 'x' }, agent, withKey())).status).toBe(403);
    expect((await t.api.post('/disputes', { orderId: order.id, category: 'other', description: 'Not mine' }, otherBuyer)).status).toBe(404);
    expect((await t.api.get('/disputes', buyer)).body.items.map((c: any) => c.id)).toEqual([opened.id]);
    expect((await t.api.get('/disputes', otherBuyer)).body.items).toEqual([]);
  });
});
