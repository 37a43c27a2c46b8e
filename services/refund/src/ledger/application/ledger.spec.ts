import { currentRulebook } from '@aftersales/contracts';
import { agent, supervisor } from '../../compensation/testing/compensation-world';
import { ledgerWorld } from '../testing/ledger-world';
import { ledgerCsv } from '../domain/csv';

/** Two paid orders of shop-1; ord-1 missed its ship-by, and its late-shipment compensation is paid out. */
async function givenOrd1CompensatedForLateShipmentAndOrd2Paid() {
  const w = ledgerWorld();
  await w.paidOrder('ord-1');
  await w.paidOrder('ord-2');
  await w.missShipBy('ord-1');
  await w.env.settle();
  return w;
}

describe('finance ledger', () => {
  it('given a paid late-shipment compensation, then one balanced entry from the shop deposit, linked to the missed ship-by and the rule version', async () => {
    const w = ledgerWorld();
    await w.paidOrder('ord-1');
    const missedId = await w.missShipBy('ord-1');
    await w.env.settle();
    const stream = await w.env.store.readStream('compensation-cmp_late_ord-1');

    const entries = await w.ledger.entries({ orderId: 'ord-1' });

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'compensation',
      amount: 3000,
      currency: 'CNY',
      shopId: 'shop-1',
      compensationId: 'cmp_late_ord-1',
      payoutId: 'payout-compensation-cmp_late_ord-1',
      rule: { id: 'compensation.late_shipment', version: currentRulebook().version },
      source: { type: 'CompensationPaidOut', eventId: stream[1].eventId },
      lines: [
        { account: 'shop_deposit:shop-1', debit: 3000, credit: 0 },
        { account: 'payment_provider', debit: 0, credit: 3000 },
      ],
    });
    expect(entries[0].causedBy.slice(0, 2)).toEqual([missedId, stream[0].eventId]);
    expect(entries[0].explanation).toContain('5% of 101000 = 5050; capped at 3000 → 3000');
  });

  it('queries by shop and period, and the CSV has one row per line with the links', async () => {
    const w = await givenOrd1CompensatedForLateShipmentAndOrd2Paid();
    await w.env.advance(24 * 3_600_000);
    const { state } = await w.compensation.propose({ orderId: 'ord-2', kind: 'goodwill', amount: 500 }, w.ctx(agent));
    await w.env.settle();

    const all = await w.ledger.entries({ shopId: 'shop-1' });
    const secondDay = await w.ledger.entries({ shopId: 'shop-1', from: '2026-11-03T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' });
    const otherShop = await w.ledger.entries({ shopId: 'shop-2' });
    const csv = ledgerCsv(all).trimEnd().split('\r\n');

    expect(all.map((e) => e.amount)).toEqual([3000, 500]);
    expect(secondDay.map((e) => e.compensationId)).toEqual([state.decision!.compensationId]);
    expect(otherShop).toEqual([]);
    expect(csv).toHaveLength(1 + 4);
    expect(csv[0]).toBe('entryId,postedAt,kind,orderId,shopId,buyerId,account,debit,credit,currency,payoutId,refundId,compensationId,ruleId,rulebookVersion,sourceEventType,sourceEventId,causedBy,explanation,disputeId,disputeRemedyId,disputeRulingId');
    expect(csv[1]).toContain(',shop_deposit:shop-1,3000,0,CNY,payout-compensation-cmp_late_ord-1,,cmp_late_ord-1,compensation.late_shipment,2026-12-v5,CompensationPaidOut,');
    expect(csv[1].endsWith(",late_shipment compensation from the shop's deposit: 5% of 101000 = 5050; capped at 3000 → 3000,,,")).toBe(true);
  });

  it('reconciliation: balanced and matching the payouts; a payout not yet booked is named', async () => {
    const w = await givenOrd1CompensatedForLateShipmentAndOrd2Paid();
    const { state } = await w.compensation.propose({ orderId: 'ord-2', kind: 'goodwill', amount: 30_000 }, w.ctx(agent));
    await w.compensation.approve(state.decision!.compensationId, {}, w.ctx(supervisor));
    await w.env.settle();

    const report = await w.ledger.reconciliation({});
    expect(report).toMatchObject({
      balanced: true,
      matchesPayouts: true,
      paidOutPerJournal: { CNY: 33_000 },
      payouts: { count: 2, byCurrency: { CNY: 33_000 } },
      journal: { entries: 2, byCurrency: { CNY: { debits: 33_000, credits: 33_000, balanced: true } } },
    });

    // A refund payout whose RefundPaid the refund service has not recorded (yet)
    await w.payouts.payouts.request(
      { payoutId: 'payout-refund-rf-1', kind: 'refund', orderId: 'ord-2', shopId: 'shop-1', buyerId: 'buyer-1', amount: 700, currency: 'CNY', refundId: 'rf-1', causedBy: ['x'] },
      w.ctx(agent),
    );
    await w.env.settle();
    const unbooked = await w.ledger.reconciliation({});
    expect(unbooked.matchesPayouts).toBe(false);
    expect(unbooked.unmatched.payoutsWithoutEntry.map((p) => p.payoutId)).toEqual(['payout-refund-rf-1']);
    expect(unbooked.counterparts).toEqual({ 'payout-refund-rf-1': 'missing' });
  });
});
