import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, InMemoryReadModelStore, ProjectionRunner, type NewEvent, type ReadModelStore } from '@aftersales/kernel';
import { ledgerProjection } from '../projections/ledger.projection';
import { createLedger } from '../application/ledger.queries';

export type Movement = {
  kind: 'refund' | 'compensation' | 'return_shipping';
  amount: number;
  shop: number;
  currency: 'CNY' | 'USD';
  minute: number;
  /** Whether the owner recorded RefundPaid / CompensationPaidOut yet (a reimbursement needs nothing more). */
  booked: boolean;
  /** Minutes from the confirmed payout to its owner's fact (0 in production, where the fact copies paidAt). */
  lag?: number;
};

export const at = (minute: number) => new Date(Date.UTC(2026, 10, 1) + minute * 60_000).toISOString();
const meta = (occurredAt: string) => ({
  occurredAt,
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'payouts', role: 'system' as const },
});

/** The events a movement leaves in the log: the confirmed payout, then (if booked) its owner's fact. */
export function eventsOf(m: Movement, i: number): { streamId: string; event: NewEvent }[] {
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
  const bookedAt = at(m.minute + (m.lag ?? 0));
  const fact =
    m.kind === 'refund'
      ? {
          type: 'RefundPaid',
          data: { refundId: `rf-${i}`, ...common, payoutId, totalRefundedOnOrder: m.amount, trigger: 'approved', paidAt: bookedAt },
        }
      : {
          type: 'CompensationPaidOut',
          data: {
            compensationId: `cmp-${i}`,
            ...common,
            payoutId,
            fundingSource: 'shop_deposit',
            rule: { ruleId: 'compensation.goodwill', rulebookVersion: '2026-12-v4' },
            paidAt: bookedAt,
          },
        };
  return [
    ...out,
    {
      streamId: m.kind === 'refund' ? `refund-rf-${i}` : `compensation-cmp-${i}`,
      event: { eventId: randomUUID(), schemaVersion: 1, metadata: meta(bookedAt), ...fact },
    },
  ];
}

/** The ledger over the events the movements leave in the log, projected into `readModels` (in memory by default). */
export async function ledgerOf(movements: Movement[], readModels: ReadModelStore = new InMemoryReadModelStore()) {
  const store = new InMemoryEventStore();
  for (const [i, m] of movements.entries()) for (const { streamId, event } of eventsOf(m, i)) await store.append(streamId, [event], 'any');
  await new ProjectionRunner(store, readModels, ledgerProjection).catchUp();
  return { store, readModels, ledger: createLedger(readModels) };
}
