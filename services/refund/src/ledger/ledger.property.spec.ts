import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { InMemoryEventStore, InMemoryReadModelStore, ProjectionRunner, type NewEvent } from '@aftersales/kernel';
import { PAYMENT_PROVIDER_ACCOUNT, trialBalance } from './journal';
import { ledgerProjection } from './ledger-projection';
import { createLedger } from './ledger-queries';

type Movement = {
  kind: 'refund' | 'compensation' | 'return_shipping';
  amount: number;
  shop: number;
  currency: 'CNY' | 'USD';
  minute: number;
  /** Whether the owner recorded RefundPaid / CompensationPaidOut yet (a reimbursement needs nothing more). */
  booked: boolean;
};

const aMovement: fc.Arbitrary<Movement> = fc.record({
  kind: fc.constantFrom('refund' as const, 'compensation' as const, 'return_shipping' as const),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  shop: fc.integer({ min: 1, max: 3 }),
  currency: fc.constantFrom('CNY' as const, 'USD' as const),
  minute: fc.integer({ min: 0, max: 10_000 }),
  booked: fc.boolean(),
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1) + minute * 60_000).toISOString();
const meta = (occurredAt: string) => ({ occurredAt, correlationId: randomUUID(), causationId: null, actor: { id: 'payouts', role: 'system' as const } });

/** The events a movement leaves in the log: the confirmed payout, then (if booked) its owner's fact. */
function eventsOf(m: Movement, i: number): { streamId: string; event: NewEvent }[] {
  const paidAt = at(m.minute);
  const orderId = `ord-${i}`;
  const payoutId = `payout-${m.kind}-${i}`;
  const owner = m.kind === 'compensation' ? { compensationId: `cmp-${i}` } : { refundId: `rf-${i}` };
  const common = { orderId, shopId: `shop-${m.shop}`, buyerId: `buyer-${i}`, amount: m.amount, currency: m.currency };
  const out = [
    {
      streamId: `payout-${payoutId}`,
      event: {
        eventId: randomUUID(),
        type: 'PayoutSucceeded',
        schemaVersion: 1,
        data: { payoutId, kind: m.kind, ...common, ...owner, causedBy: [`cause-${i}`], providerRef: `ref-${i}`, attempts: 1, paidAt },
        metadata: meta(paidAt),
      },
    },
  ];
  if (!m.booked || m.kind === 'return_shipping') return out;
  const fact =
    m.kind === 'refund'
      ? { type: 'RefundPaid', data: { refundId: `rf-${i}`, ...common, payoutId, totalRefundedOnOrder: m.amount, trigger: 'approved', paidAt } }
      : {
          type: 'CompensationPaidOut',
          data: { compensationId: `cmp-${i}`, ...common, payoutId, fundingSource: 'shop_deposit', rule: { ruleId: 'compensation.goodwill', rulebookVersion: '2026-11-v1' }, paidAt },
        };
  return [...out, { streamId: m.kind === 'refund' ? `refund-rf-${i}` : `compensation-cmp-${i}`, event: { eventId: randomUUID(), schemaVersion: 1, metadata: meta(paidAt), ...fact } }];
}

async function ledgerOf(movements: Movement[]) {
  const store = new InMemoryEventStore();
  for (const [i, m] of movements.entries()) for (const { streamId, event } of eventsOf(m, i)) await store.append(streamId, [event], 'any');
  const readModels = new InMemoryReadModelStore();
  await new ProjectionRunner(store, readModels, ledgerProjection).catchUp();
  return { store, readModels, ledger: createLedger(readModels) };
}

const isBooked = (m: Movement) => m.booked || m.kind === 'return_shipping';

describe('finance ledger (property)', () => {
  it('every entry and the whole journal balance, per currency; the provider account is credited exactly what was booked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(aMovement, { maxLength: 40 }), async (movements) => {
        const { ledger } = await ledgerOf(movements);
        const entries = await ledger.entries({});
        const balance = trialBalance(entries);
        expect(balance.balanced).toBe(true);
        expect(balance.unbalancedEntries).toEqual([]);
        expect(entries).toHaveLength(movements.filter(isBooked).length);
        for (const currency of ['CNY', 'USD']) {
          const booked = movements.filter((m) => isBooked(m) && m.currency === currency).reduce((s, m) => s + m.amount, 0);
          const provider = balance.byAccount.find((a) => a.account === PAYMENT_PROVIDER_ACCOUNT && a.currency === currency);
          expect(provider?.credit ?? 0).toBe(booked);
          expect(balance.byCurrency[currency]?.debits ?? 0).toBe(booked);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reconciliation matches the confirmed payouts exactly when every payout is booked, and names the ones that are not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(aMovement, { maxLength: 30 }), async (movements) => {
        const { ledger } = await ledgerOf(movements);
        const report = await ledger.reconciliation({});
        expect(report.balanced).toBe(true);
        expect(report.matchesPayouts).toBe(movements.every(isBooked));
        expect(report.unmatched.payoutsWithoutEntry.map((p) => p.payoutId).sort()).toEqual(
          movements
            .map((m, i) => ({ m, id: `payout-${m.kind}-${i}` }))
            .filter(({ m }) => !isBooked(m))
            .map(({ id }) => id)
            .sort(),
        );
        expect(report.unmatched.entriesWithoutPayout).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('a period query returns exactly the entries posted in it, and the period and its complement add up to the journal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(aMovement, { maxLength: 30 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), async (movements, a, b) => {
        const [from, to] = [at(Math.min(a, b)), at(Math.max(a, b))];
        const { ledger } = await ledgerOf(movements);
        const inside = await ledger.entries({ from, to });
        const before = await ledger.entries({ to: from });
        const after = await ledger.entries({ from: to });
        expect(inside.every((e) => e.postedAt >= from && e.postedAt < to)).toBe(true);
        expect(before.length + inside.length + after.length).toBe((await ledger.entries({})).length);
      }),
      { numRuns: 60 },
    );
  });

  it('rebuilding from the log gives the same journal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(aMovement, { minLength: 1, maxLength: 20 }), async (movements) => {
        const { store, ledger } = await ledgerOf(movements);
        const rebuilt = new InMemoryReadModelStore();
        await new ProjectionRunner(store, rebuilt, ledgerProjection).rebuild();
        expect(await createLedger(rebuilt).entries({})).toEqual(await ledger.entries({}));
      }),
      { numRuns: 30 },
    );
  });
});
