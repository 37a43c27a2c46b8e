import fc from 'fast-check';
import { InMemoryReadModelStore, ProjectionRunner } from '@aftersales/kernel';
import { at, ledgerOf, type Movement } from '../testing/ledger-log';
import { PAYMENT_PROVIDER_ACCOUNT, trialBalance } from '../domain/journal';
import { LEDGER_PAYOUTS, ledgerProjection, type LedgerPayoutDoc } from './ledger.projection';
import { createLedger } from '../application/ledger.queries';
import { reconcile } from '../domain/reconcile';

const aMovement: fc.Arbitrary<Movement> = fc.record({
  kind: fc.constantFrom('refund' as const, 'compensation' as const, 'return_shipping' as const),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  shop: fc.integer({ min: 1, max: 3 }),
  currency: fc.constantFrom('CNY' as const, 'USD' as const),
  minute: fc.integer({ min: 0, max: 10_000 }),
  booked: fc.boolean(),
});

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

  it('reconciling a period page by page gives what reconciling all its entries and payouts at once gives', async () => {
    const aLaggingMovement = fc.record({ movement: aMovement, lag: fc.constantFrom(0, 0, 1, 90, 3000) }).map(({ movement, lag }) => ({ ...movement, lag }));
    await fc.assert(
      fc.asyncProperty(fc.array(aLaggingMovement, { maxLength: 30 }), fc.integer({ min: 0, max: 13_000 }), fc.integer({ min: 0, max: 13_000 }), async (movements, a, b) => {
        const [from, to] = [at(Math.min(a, b)), at(Math.max(a, b))];
        const { readModels, ledger } = await ledgerOf(movements);
        const inPeriod = (time: string) => time >= from && time < to;
        const entries = (await ledger.entries({})).filter((e) => inPeriod(e.postedAt));
        const payouts = (await readModels.find<LedgerPayoutDoc>(LEDGER_PAYOUTS, { limit: 500 })).items.filter((p) => inPeriod(p.paidAt));
        const expected = reconcile(
          entries,
          payouts.map(({ payoutId, kind, amount, currency, paidAt, eventId }) => ({ payoutId, kind, amount, currency, paidAt, eventId })),
        );
        const counterparts: Record<string, string> = {};
        for (const p of expected.unmatched.payoutsWithoutEntry) counterparts[p.payoutId] = payouts.find((d) => d.payoutId === p.payoutId)?.entryId ? 'other_period' : 'missing';
        for (const e of expected.unmatched.entriesWithoutPayout) counterparts[e.payoutId] = (await readModels.get(LEDGER_PAYOUTS, e.payoutId)) ? 'other_period' : 'missing';

        expect(await ledger.reconciliation({ from, to })).toEqual({ from, to, ...expected, counterparts });
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
