import { compensationWorld } from '../../compensation/testing/compensation-world';
import { createLedger, ledgerRuntime } from '../../ledger/application';
import { auditRuntime } from './audit-runtime';
import { createCompensationAudit } from './compensation-audit';

/** Compensation, the ledger and the audit on one log, with dispute events appended as the dispute service would. */
function world() {
  const w = compensationWorld({}, [auditRuntime, ledgerRuntime]);
  return { ...w, audit: createCompensationAudit(w.env.eventStore, w.env.readModels), ledger: createLedger(w.env.readModels) };
}

describe('compensation decisions caused by disputes', () => {
  it('given a paid order, when the buyer accepts a compensation remedy of 15 000, then one decision names the case and remedy, is paid once, its ledger line names the case, and the audit finds no mismatch', async () => {
    const w = world();
    await w.paidOrder('ord-1');
    const accepted = { orderId: 'ord-1', remedyId: 'rm-1', kind: 'compensation', amount: 15_000, acceptedBy: 'buyer-1', acceptedAt: '2026-11-02T08:00:00.000Z' };
    const event = await w.disputeEvent('dsp_1', 'DisputeRemedyAccepted', accepted);
    await w.compensation.onDisputeEvent(event); // redelivered
    await w.env.settle();

    expect(await w.compensation.listForOrder('ord-1')).toEqual([
      expect.objectContaining({ id: 'cmp_dsp_1_rm-1', kind: 'goodwill', amount: 15_000, status: 'paid', rule: { id: 'compensation.goodwill', version: '2026-12-v5' } }),
    ]);
    expect(w.provider.payments().map((p) => p.amount)).toEqual([15_000]);
    const entries = await w.ledger.entries({ orderId: 'ord-1' });
    expect(entries).toEqual([expect.objectContaining({ kind: 'compensation', amount: 15_000, dispute: { disputeId: 'dsp_1' } })]);
    expect(entries[0].explanation).toContain('remedy rm-1 (compensation) accepted by the buyer in case dsp_1');
    expect(await w.audit.verify()).toMatchObject({ checked: 1, mismatches: [] });
  });

  it('given a compensation remedy of 30000 fen a supervisor approved in the case, when the buyer accepts it, then the decision records that approval and is paid; without one it waits for a supervisor', async () => {
    const w = world();
    await w.paidOrder('ord-5');
    await w.paidOrder('ord-6');
    const accepted = (orderId: string) => ({ orderId, remedyId: 'rem-1', kind: 'compensation', amount: 30_000, acceptedBy: 'buyer-1', acceptedAt: '2026-11-02T08:00:00.000Z' });
    await w.disputeEvent('dsp_5', 'DisputeRemedyApproved', { orderId: 'ord-5', remedyId: 'rem-1', approverId: 'sup-1', approvedAt: '2026-11-02T08:00:00.000Z' });
    const approval = (await w.env.store.readStream('dispute-dsp_5'))[0];
    await w.disputeEvent('dsp_5', 'DisputeRemedyAccepted', accepted('ord-5'));
    await w.disputeEvent('dsp_6', 'DisputeRemedyAccepted', accepted('ord-6'));

    expect(await w.compensation.getCompensation('cmp_dsp_5_rem-1')).toMatchObject({
      status: 'paid',
      requiresSupervisorApproval: true,
      approval: { approverId: 'sup-1', note: `approved with remedy rem-1 of case dsp_5 (event ${approval.eventId})` },
    });
    expect(await w.compensation.getCompensation('cmp_dsp_6_rem-1')).toMatchObject({ status: 'awaiting_approval' });
    expect(w.provider.payments().map((p) => p.amount)).toEqual([30_000]);
    expect(await w.audit.verify()).toMatchObject({ checked: 2, mismatches: [] });
  });

  it('given a ruling for the buyer with a compensation for a counterfeit violation, then the counterfeit rule computes it (3 × the goods), once per order and kind: the ruling on appeal asking again decides nothing more', async () => {
    const w = world();
    await w.paidOrder('ord-2', 11_000);
    const ruling = { orderId: 'ord-2', outcome: 'buyer_wins', compensation: { kind: 'compensation' }, violation: 'counterfeit', onAppeal: false };
    await w.disputeEvent('dsp_2', 'DisputeRuled', { ...ruling, rulingId: 'rul-1' });
    await w.disputeEvent('dsp_2', 'DisputeRuled', { ...ruling, rulingId: 'rul-2', onAppeal: true });

    expect(await w.compensation.listForOrder('ord-2')).toEqual([
      expect.objectContaining({ id: 'cmp_counterfeit_ord-2', kind: 'counterfeit', amount: 30_000, status: 'awaiting_approval' }),
    ]);
    expect(await w.audit.verify()).toMatchObject({ checked: 1, mismatches: [] });
  });

  it('given a ruling for the merchant or a remedy without money, then no compensation', async () => {
    const w = world();
    await w.paidOrder('ord-3');
    await w.disputeEvent('dsp_3', 'DisputeRuled', { orderId: 'ord-3', rulingId: 'rul-1', outcome: 'merchant_wins', compensation: { kind: 'counterfeit' } });
    await w.disputeEvent('dsp_3', 'DisputeRemedyAccepted', { orderId: 'ord-3', remedyId: 'rm-1', kind: 'exchange' });
    await w.env.settle();
    expect(await w.compensation.listForOrder('ord-3')).toEqual([]);
  });

  it('given a ruling asking a compensation no rule computes (no violation, no amount), then nothing is decided and the refusal is reported', async () => {
    const w = world();
    await w.paidOrder('ord-4');
    const event = await w.disputeEvent('dsp_4', 'DisputeRuled', { orderId: 'ord-4', rulingId: 'rul-1', outcome: 'buyer_wins', compensation: { kind: 'compensation' } });
    expect(await w.compensation.onDisputeEvent(event)).toMatchObject({ outcome: 'refused', code: 'compensation.dispute_without_amount' });
    expect(await w.compensation.listForOrder('ord-4')).toEqual([]);
  });
});
