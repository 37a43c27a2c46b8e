import { randomUUID } from 'node:crypto';
import type { CommandContext, EventStore, Clock } from '@aftersales/kernel';
import type { PayoutRequest, Payouts } from '../../payouts/domain';
import type { LogisticsPort } from '../application';

export interface Call<I> {
  input: I;
  ctx: CommandContext;
}

/** Records the reissue shipments the refund service created (the one call it still makes to logistics). */
export function fakeLogistics() {
  const reissues: Call<Parameters<LogisticsPort['createReissueShipment']>[0]>[] = [];
  const port: LogisticsPort = {
    createReissueShipment: async (input, ctx) => {
      reissues.push({ input, ctx });
      return { state: { shipmentId: `shp_reissue${reissues.length}` }, revision: 0, eventIds: [randomUUID()] };
    },
  };
  return { port, reissues };
}

/**
 * Payouts standing in for the payout service: idempotent on payoutId, and (unless held) records PayoutSucceeded on
 * `payout-<payoutId>` at once, as the real one does after the provider confirms.
 */
export function fakePayouts(eventStore: EventStore, clock: Clock) {
  const requests: PayoutRequest[] = [];
  let hold = false;
  const succeed = async (payout: PayoutRequest) => {
    const data = { ...payout, providerRef: `fake-${payout.payoutId}`, attempts: 1, paidAt: clock.now().toISOString() };
    const metadata = {
      occurredAt: data.paidAt,
      correlationId: randomUUID(),
      causationId: null,
      actor: { id: 'payouts', role: 'system' as const },
    };
    await eventStore.append(
      `payout-${payout.payoutId}`,
      [{ eventId: randomUUID(), type: 'PayoutSucceeded', schemaVersion: 1, data, metadata }],
      'any',
    );
  };
  const port: Payouts = {
    async request(payout) {
      if (requests.some((r) => r.payoutId === payout.payoutId)) return;
      requests.push(payout);
      if (!hold) await succeed(payout);
    },
  };
  return {
    port,
    requests,
    /** Payouts are requested but not paid until `release`. */
    holdPayments: () => void (hold = true),
    release: async () => {
      for (const payout of requests) await succeed(payout);
    },
  };
}
