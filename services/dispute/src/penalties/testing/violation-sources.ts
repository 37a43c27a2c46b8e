import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@aftersales/kernel';
import type { ViolationType } from '@aftersales/contracts';

/** A DisputeRuled as the dispute service records it (the fields agreed in DISPUTE-EVENTS.md). */
export function disputeRuled(n: number, violation: ViolationType | undefined, ruledAt: string, overrides: Record<string, unknown> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'DisputeRuled',
    schemaVersion: 1,
    data: {
      disputeId: `dsp_${n}`,
      orderId: `ord-${n}`,
      shopId: 'shop-1',
      buyerId: 'buyer-1',
      rulingId: `rul_${n}`,
      outcome: 'buyer_wins',
      ...(violation ? { violation } : {}),
      reason: 'the goods were not as described',
      ruledBy: 'xiao-er-1',
      ruledAt,
      appealBy: ruledAt,
      appealRuleId: 'dispute.appeal_window',
      rulebookVersion: '2026-12-v4',
      onAppeal: false,
      currency: 'CNY',
      basedOn: [randomUUID()],
      ...overrides,
    },
    metadata: { occurredAt: ruledAt, correlationId: `corr-${n}`, causationId: null, actor: { id: 'xiao-er-1', role: 'platform' } },
  };
}

/** Appends a ruling to its case's stream, as the dispute service would. */
export async function recordRuling(store: EventStore, event: NewEvent): Promise<void> {
  await store.append(`dispute-${(event.data as { disputeId: string }).disputeId}-${event.eventId}`, [event], 'no_stream');
}
