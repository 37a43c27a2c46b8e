import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@aftersales/kernel';
import { compensationWorld } from '../../compensation/testing/compensation-world';
import { createLedger, ledgerRuntime } from '../../ledger/application';
import { auditRuntime } from './audit-runtime';
import { createCompensationAudit } from './compensation-audit';

/** Compensation, the ledger and the audit on one log, with follow-up events appended as the review service would. */
function world() {
  const w = compensationWorld({}, [auditRuntime, ledgerRuntime]);
  const granted = async (followUpId: string, data: Record<string, unknown>) => {
    const metadata = { occurredAt: w.env.clock.now().toISOString(), correlationId: randomUUID(), causationId: null, actor: { id: 'cs-1', role: 'agent' as const } };
    const payload = { followUpId, reviewId: 'rev_1', shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY', ruleId: 'review.follow_up.goodwill_approval', rulebookVersion: '2026-12-v4', basedOn: ['evt-opened'], grantedAt: metadata.occurredAt, ...data };
    const event: NewEvent = { eventId: randomUUID(), type: 'ReviewFollowUpRemedyGranted', schemaVersion: 1, data: payload, metadata };
    await w.env.settle();
    const [recorded] = (await w.env.store.append(`review-follow-up-${followUpId}`, [event], 'any')).events;
    return recorded;
  };
  return { ...w, granted, audit: createCompensationAudit(w.env.eventStore, w.env.readModels), ledger: createLedger(w.env.readModels) };
}

describe('compensation decisions caused by bad-review follow-ups', () => {
  it('given a paid order, when a goodwill credit of 1000 is granted in a follow-up and the event is delivered twice, then one decision names the follow-up, is paid once, its ledger line names the follow-up, and the audit finds no mismatch', async () => {
    const w = world();
    await w.paidOrder('ord-1');
    const event = await w.granted('rfu_abc', { orderId: 'ord-1', remedyId: 'rem-1', kind: 'goodwill_credit', amount: 1000 });
    await w.compensation.onReviewEvent(event);
    await w.compensation.onReviewEvent(event); // redelivered
    await w.env.settle();

    expect(await w.compensation.listForOrder('ord-1')).toEqual([
      expect.objectContaining({ id: 'cmp_rfu_abc_rem-1', kind: 'goodwill', amount: 1000, status: 'paid', rule: { id: 'compensation.goodwill', version: '2026-12-v4' } }),
    ]);
    expect(w.provider.payments().map((p) => p.amount)).toEqual([1000]);
    const entries = await w.ledger.entries({ orderId: 'ord-1' });
    expect(entries).toEqual([expect.objectContaining({ kind: 'compensation', amount: 1000, compensationId: 'cmp_rfu_abc_rem-1' })]);
    expect(entries[0].explanation).toContain('goodwill credit rem-1 of review follow-up rfu_abc');
    expect(await w.audit.verify()).toMatchObject({ checked: 1, mismatches: [] });
  });

  it('given a goodwill credit above the threshold a supervisor approved in the follow-up, then the decision records that approval and is paid', async () => {
    const w = world();
    await w.paidOrder('ord-2', 100_000);
    const event = await w.granted('rfu_def', { orderId: 'ord-2', remedyId: 'rem-1', kind: 'goodwill_credit', amount: 25_000, approverId: 'sup-7' });
    await w.compensation.onReviewEvent(event);
    await w.env.settle();

    expect(await w.compensation.getCompensation('cmp_rfu_def_rem-1')).toMatchObject({
      status: 'paid',
      requiresSupervisorApproval: true,
      approval: { approverId: 'sup-7' },
    });
    expect(w.provider.payments().map((p) => p.amount)).toEqual([25_000]);
    expect(await w.audit.verify()).toMatchObject({ checked: 1, mismatches: [] });
  });

  it('other remedies (a resend, an explanation) and other review events decide nothing', async () => {
    const w = world();
    await w.paidOrder('ord-3');
    const resend = await w.granted('rfu_ghi', { orderId: 'ord-3', remedyId: 'rem-1', kind: 'resend' });
    expect(await w.compensation.onReviewEvent(resend)).toEqual({ outcome: 'ignored' });
    expect(await w.compensation.onReviewEvent({ ...resend, type: 'ReviewPosted' })).toEqual({ outcome: 'ignored' });
    expect(await w.compensation.listForOrder('ord-3')).toEqual([]);
  });
});
