import { actionByKey, actionsTheStateAllows, offeredActions, type Can, type Viewer } from './case-actions';
import { caseFile, dispute, followUp, refund } from './case-file-fixtures';

/** A role's rights as the OpenAPI x-access gives them: operation → 'shop' (the caller's shops) or 'any'. */
const canAs =
  (shops: string[], rights: Record<string, 'shop' | 'any'>): Can =>
  (operation, { shopId }) =>
    rights[operation] === 'any' || (rights[operation] === 'shop' && shopId !== undefined && shops.includes(shopId));

const agentOf = (shops: string[]) =>
  canAs(shops, {
    'POST /orders/{orderId}/notes': 'shop',
    'POST /refunds/{refundId}/approval': 'shop',
    'POST /refunds/{refundId}/rejection': 'shop',
    'POST /disputes/{disputeId}/messages': 'shop',
    'POST /disputes/{disputeId}/remedies': 'shop',
    'POST /disputes/{disputeId}/evidence': 'shop',
    'POST /review-follow-ups/{followUpId}/remedies': 'shop',
  });
const platform = canAs([], {
  'POST /disputes/{disputeId}/messages': 'any',
  'POST /disputes/{disputeId}/evidence-requests': 'any',
  'POST /disputes/{disputeId}/ruling': 'any',
  'POST /reviews/{reviewId}/moderation': 'any',
});
const names = (actions: { name: string }[]) => actions.map((a) => a.name);

describe('case file actions', () => {
  it('given a refund waiting for the merchant and one already refunding, then only the waiting one can be answered, by approval or rejection', () => {
    const file = caseFile({ refunds: [refund({ id: 'ref-1' }), refund({ id: 'ref-2', status: 'refunding' })] });

    const answers = actionsTheStateAllows(file).filter((a) => a.name.startsWith('refund-'));

    expect(answers.map((a) => [a.name, a.path])).toEqual([
      ['refund-approve', '/refunds/ref-1/approval'],
      ['refund-reject', '/refunds/ref-1/rejection'],
    ]);
  });

  it('given a case in progress, then its shop agent is offered a message and a remedy, not a ruling; an agent of another shop is offered nothing', () => {
    const file = caseFile({ disputes: [dispute()] });

    expect(names(offeredActions(file, agentOf(['shop-1'])))).toEqual(['order-note', 'dispute-message', 'dispute-remedy']);
    expect(names(offeredActions(file, agentOf(['shop-2'])))).toEqual([]);
  });

  it('given a case in arbitration with an open merchant evidence request, then the platform may request evidence and rule, the agent submit evidence; nobody proposes a remedy', () => {
    const request = { id: 'evr-1', party: 'merchant' as const, description: 'Photos of the box', dueAt: '2026-11-05T08:00:00.000Z', overdue: false };
    const file = caseFile({ disputes: [dispute({ status: 'arbitration', evidenceRequests: [request] })] });

    expect(names(offeredActions(file, platform))).toEqual(['dispute-message', 'dispute-evidence-request', 'dispute-ruling']);
    expect(offeredActions(file, agentOf(['shop-1'])).map((a) => [a.name, a.targetId, a.parentId])).toEqual([
      ['order-note', 'ord-1', undefined],
      ['dispute-message', 'dsp_1', undefined],
      ['dispute-evidence-submit', 'evr-1', 'dsp_1'],
    ]);
  });

  it('given a remedy awaiting a supervisor, then no second remedy can be proposed and the approval names the remedy and its case', () => {
    const file = caseFile({
      disputes: [dispute({ remedies: [{ id: 'rem-1', kind: 'refund', amount: 26_900, description: 'all back', requiresSupervisorApproval: true, status: 'awaiting_approval' }] })],
    });

    const actions = actionsTheStateAllows(file);

    expect(names(actions)).not.toContain('dispute-remedy');
    expect(actions.find((a) => a.name === 'dispute-remedy-approve')).toMatchObject({ path: '/disputes/dsp_1/remedies/rem-1/approval', targetId: 'rem-1', parentId: 'dsp_1' });
  });

  it('given a closed case, a closed follow-up and a published review, then none of them offers anything; an open follow-up and a held review do', () => {
    const quiet = caseFile({ disputes: [dispute({ status: 'closed' })], followUps: [followUp({ status: 'closed' })] });
    const busy = caseFile({
      followUps: [followUp()],
      review: { id: 'rev_1', orderId: 'ord-1', shopId: 'shop-1', rating: 'negative', score: 1, text: 'wechat me', status: 'held', counted: false, postedAt: '2026-11-03T08:00:00.000Z', revision: 1 },
    });

    expect(names(actionsTheStateAllows(quiet))).toEqual(['order-note']);
    expect(names(actionsTheStateAllows(busy))).toEqual(['order-note', 'follow-up-contact', 'follow-up-remedy', 'follow-up-closure', 'review-moderate']);
  });

  it('given a compensation awaiting approval and one paid, then only the waiting one can be approved or rejected', () => {
    const waiting = { id: 'cmp_1', orderId: 'ord-1', shopId: 'shop-1', kind: 'goodwill', amount: 25_000, currency: 'CNY', status: 'awaiting_approval' as const, rule: { id: 'compensation.goodwill', version: 'v5' }, basedOn: [], explanation: 'as proposed', inputs: [], requiresSupervisorApproval: true, decidedAt: '2026-11-03T08:00:00.000Z', revision: 1 };
    const file = caseFile({ compensations: [waiting, { ...waiting, id: 'cmp_2', status: 'paid' as const }] });

    expect(actionsTheStateAllows(file).filter((a) => a.name.startsWith('compensation-')).map((a) => [a.name, a.path])).toEqual([
      ['compensation-approve', '/compensations/cmp_1/approval'],
      ['compensation-reject', '/compensations/cmp_1/rejection'],
    ]);
  });

  it('given an action the role may not take, then ?action= still finds it (to force it and see the 403) while the offered list leaves it out', () => {
    const file = caseFile({ disputes: [dispute({ status: 'arbitration' })] });

    expect(names(offeredActions(file, agentOf(['shop-1'])))).not.toContain('dispute-ruling');
    expect(actionByKey(file, 'action-dispute-ruling-dsp_1')).toMatchObject({ name: 'dispute-ruling', path: '/disputes/dsp_1/ruling' });
    expect(actionByKey(file, 'action-dispute-ruling-dsp_9')).toBeUndefined();
  });

  describe('assignment, escalation, appeal and follow-ups', () => {
    const NOW = new Date('2026-11-04T08:00:00.000Z');
    const agent: Viewer = { id: 'agent-1', role: 'agent', now: NOW };
    const supervisor: Viewer = { id: 'sup-1', role: 'supervisor', now: NOW };
    const staff = canAs(['shop-1'], {
      'POST /disputes/{disputeId}/assignment': 'shop',
      'POST /disputes/{disputeId}/escalation': 'shop',
      'POST /disputes/{disputeId}/appeal': 'shop',
      'POST /disputes/{disputeId}/follow-up': 'shop',
      'POST /refunds/{refundId}/return-receipt': 'shop',
      'POST /review-follow-ups/{followUpId}/contact': 'shop',
      'POST /review-follow-ups/{followUpId}/closure': 'shop',
    });
    const ruling = (outcome: string, appealBy = '2026-11-10T08:00:00.000Z') => ({ id: 'rul-1', outcome, ruledAt: '2026-11-03T08:00:00.000Z', appealBy, onAppeal: false });

    it('given a running case someone else holds, then an agent may take it for themself but not assign it; a supervisor may do both', () => {
      const file = caseFile({ disputes: [dispute({ assigneeId: 'agent-2' })] });

      const asAgent = offeredActions(file, staff, agent);
      const asSupervisor = offeredActions(file, staff, supervisor);

      expect(names(asAgent)).toEqual(['dispute-take', 'dispute-escalate']);
      expect(asAgent[0]).toMatchObject({ path: '/disputes/dsp_1/assignment', key: 'action-dispute-take-dsp_1', assigneeId: 'agent-1' });
      expect(names(asSupervisor)).toEqual(['dispute-take', 'dispute-assign', 'dispute-escalate']);
    });

    it('given a case the agent already holds, then taking it is not offered again', () => {
      const file = caseFile({ disputes: [dispute({ assigneeId: 'agent-1' })] });

      expect(names(offeredActions(file, staff, agent))).toEqual(['dispute-escalate']);
    });

    it('given a case in arbitration or resolved, then it can no longer be escalated; a resolved one offers the satisfaction follow-up instead; one with a supervisor escalates only to the platform', () => {
      expect(names(offeredActions(caseFile({ disputes: [dispute({ status: 'arbitration' })] }), staff, agent))).toEqual(['dispute-take']);
      expect(names(offeredActions(caseFile({ disputes: [dispute({ status: 'resolved' })] }), staff, agent))).toEqual(['dispute-follow-up']);
      const withSupervisor = offeredActions(caseFile({ disputes: [dispute({ status: 'escalated' })] }), staff, agent);
      expect(withSupervisor.find((a) => a.name === 'dispute-escalate')?.escalateTo).toEqual(['platform']);
      expect(offeredActions(caseFile({ disputes: [dispute()] }), staff, agent).find((a) => a.name === 'dispute-escalate')?.escalateTo).toEqual(['supervisor', 'platform']);
    });

    it('given a ruling the merchant lost (wholly or partly) within its window, then the shop may appeal; not when the merchant won, after the window, or a second time', () => {
      const appealable = (c: Parameters<typeof dispute>[0]) => names(offeredActions(caseFile({ disputes: [dispute({ status: 'ruled', ...c })] }), staff, agent)).includes('dispute-appeal');

      expect(appealable({ ruling: ruling('buyer_wins') })).toBe(true);
      expect(appealable({ ruling: ruling('partial') })).toBe(true);
      expect(appealable({ ruling: ruling('merchant_wins') })).toBe(false);
      expect(appealable({ ruling: ruling('buyer_wins', '2026-11-04T07:59:59.000Z') })).toBe(false);
      expect(appealable({ ruling: ruling('buyer_wins'), appeal: { party: 'merchant', appealedAt: '2026-11-03T09:00:00.000Z', rulingId: 'rul-1' } })).toBe(false);
    });

    it('given a return on its way back to the shop, then the shop may confirm its receipt; a refund waiting for the merchant answer may not', () => {
      const file = caseFile({ refunds: [refund({ id: 'ref-1', status: 'waiting_merchant_receipt' }), refund({ id: 'ref-2' })] });

      expect(offeredActions(file, staff, agent).map((a) => [a.name, a.path])).toEqual([['refund-return-receipt', '/refunds/ref-1/return-receipt']]);
    });

    it('given an open follow-up not yet contacted, then contact and closure are offered; once contacted only closure; once closed nothing', () => {
      const offered = (f: Parameters<typeof followUp>[0]) => names(offeredActions(caseFile({ followUps: [followUp(f)] }), staff, agent));

      expect(offered({})).toEqual(['follow-up-contact', 'follow-up-closure']);
      expect(offered({ contactedAt: '2026-11-03T09:00:00.000Z' })).toEqual(['follow-up-closure']);
      expect(offered({ status: 'closed' })).toEqual([]);
    });

    it('given an agent of another shop, then none of these is offered, though ?action= still finds the take to force it', () => {
      const file = caseFile({ disputes: [dispute()], followUps: [followUp()] });
      const otherShop = canAs(['shop-2'], { 'POST /disputes/{disputeId}/assignment': 'shop', 'POST /review-follow-ups/{followUpId}/contact': 'shop' });

      expect(offeredActions(file, otherShop, agent)).toEqual([]);
      expect(actionByKey(file, 'action-dispute-take-dsp_1', agent)).toMatchObject({ assigneeId: 'agent-1' });
    });
  });
});
