import { randomUUID } from 'node:crypto';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import type { RecordedEvent } from '@aftersales/kernel';
import { disputeRuled, recordRuling } from '../testing/violation-sources';
import { createPenaltiesService } from './penalties-service';
import { shopPenaltyStreamId } from './penalty-handler';

const DAY = 86_400_000;

function world(start = '2026-11-10T08:00:00.000Z') {
  const env = inMemoryTestPlatform({ start });
  const service = createPenaltiesService(env.platform, { log: () => undefined });
  env.attach(service.runtime, [(event: RecordedEvent) => service.onDisputeEvent(event), (event: RecordedEvent) => service.onRefundEvent(event)]);
  const rule = async (n: number, violation: Parameters<typeof disputeRuled>[1], overrides: Record<string, unknown> = {}) => {
    await recordRuling(env.eventStore, disputeRuled(n, violation, env.clock.now().toISOString(), overrides));
    await env.settle();
  };
  return { env, service, rule };
}

describe('shop penalty points on the in-memory platform', () => {
  it('given rulings with violations, when the shop reaches 12 points, then it is hidden and warned for 7 days, and the timers lift both', async () => {
    const { env, service, rule } = world();
    for (let n = 1; n <= 3; n++) await rule(n, 'not_as_described');
    await rule(4, 'breach_of_promise');

    const at12 = await service.getPenaltyPoints('shop-1');
    expect(at12).toMatchObject({ shopId: 'shop-1', year: 2026, points: 12 });
    expect(at12.restrictions).toEqual([
      { kind: 'hidden', from: '2026-11-10T08:00:00.000Z', until: '2026-11-17T08:00:00.000Z' },
      { kind: 'warned', from: '2026-11-10T08:00:00.000Z', until: '2026-11-17T08:00:00.000Z' },
    ]);
    expect(at12.violations[3]).toMatchObject({ id: 'pts_ord-4_breach_of_promise', type: 'breach_of_promise', points: 3, disputeId: 'dsp_4', rule: { id: 'penalty.points', version: '2026-12-v5' } });

    await env.advance(7 * DAY - 60_000);
    expect((await service.getPenaltyPoints('shop-1')).restrictions).toHaveLength(2);
    await env.advance(60_000);
    expect(await service.getPenaltyPoints('shop-1')).toMatchObject({ points: 12, restrictions: [] });
    expect(await env.typesOf(shopPenaltyStreamId('shop-1', 2026))).toEqual([
      ...Array(4).fill('PenaltyPointsAssessed'),
      'ShopRestricted',
      'ShopRestricted',
      'ShopRestrictionLifted',
      'ShopRestrictionLifted',
    ]);
  });

  it('given a ruling delivered twice and a ruling on appeal of the same violation, then the points are assessed once; merchant_wins and no violation cost nothing', async () => {
    const { env, service } = world();
    const ruling = disputeRuled(1, 'invoice_refusal', '2026-11-10T08:00:00.000Z');
    await recordRuling(env.eventStore, ruling);
    await env.settle();
    expect(await service.onDisputeEvent((await env.eventStore.readAll(0, 10))[0])).toMatchObject({ outcome: 'applied', replayed: true });
    await recordRuling(env.eventStore, disputeRuled(1, 'invoice_refusal', '2026-11-12T08:00:00.000Z', { rulingId: 'rul_1_appeal', onAppeal: true }));
    await recordRuling(env.eventStore, disputeRuled(2, 'counterfeit', '2026-11-12T08:00:00.000Z', { outcome: 'merchant_wins' }));
    await recordRuling(env.eventStore, disputeRuled(3, undefined, '2026-11-12T08:00:00.000Z'));
    await env.settle();
    expect(await service.getPenaltyPoints('shop-1')).toMatchObject({ points: 6, violations: [expect.objectContaining({ type: 'invoice_refusal', points: 6 })] });
  });

  it('given a late shipment compensated, then the violation is recorded at 0 points', async () => {
    const { env, service } = world();
    await env.eventStore.append('compensation-cmp_late_ord-5', [
      {
        eventId: randomUUID(),
        type: 'CompensationDecided',
        schemaVersion: 1,
        data: { compensationId: 'cmp_late_ord-5', orderId: 'ord-5', shopId: 'shop-1', buyerId: 'buyer-1', kind: 'late_shipment', decidedAt: '2026-11-10T08:00:00.000Z' },
        metadata: { occurredAt: '2026-11-10T08:00:00.000Z', correlationId: 'c', causationId: null, actor: { id: 'compensation', role: 'system' } },
      },
    ], 'no_stream');
    await env.settle();
    expect(await service.getPenaltyPoints('shop-1')).toMatchObject({ points: 0, violations: [expect.objectContaining({ type: 'late_shipment', points: 0 })] });
  });

  it('given a shop closed at 48 points in December, when the year ends, then the closure is lifted as points_reset and the new year starts at 0', async () => {
    const { env, service, rule } = world('2026-12-20T08:00:00.000Z');
    await rule(1, 'counterfeit');
    expect(await service.getPenaltyPoints('shop-1')).toMatchObject({ points: 48, restrictions: [{ kind: 'closed', from: '2026-12-20T08:00:00.000Z' }] });

    await env.advance(12 * DAY);
    await rule(2, 'not_as_described');

    expect(await service.getPenaltyPoints('shop-1', 2026)).toMatchObject({ points: 48, restrictions: [] });
    expect(await service.getPenaltyPoints('shop-1')).toMatchObject({ year: 2027, points: 3, restrictions: [] });
    const lifted = (await env.eventStore.readStream(shopPenaltyStreamId('shop-1', 2026))).at(-1)!;
    expect(lifted).toMatchObject({ type: 'ShopRestrictionLifted', data: { kind: 'closed', reason: 'points_reset', liftedAt: '2027-01-01T00:00:00.000Z' } });
  });

  it('given assessments taken by the system, then the audit finds no mismatch; a forged assessment is named with its field and both values', async () => {
    const { env, service, rule } = world();
    for (let n = 1; n <= 4; n++) await rule(n, 'not_as_described');
    expect(await service.audit.verify()).toMatchObject({ checked: 4, mismatches: [], sourcesNotInLog: 0 });

    const stream = shopPenaltyStreamId('shop-1', 2026);
    const [first] = await env.eventStore.readStream(stream);
    const forged = { ...(first.data as object), assessmentId: 'pts_ord-9_not_as_described', orderId: 'ord-9', previousPoints: 12, points: 30, totalPoints: 42 };
    await env.eventStore.append(stream, [{ eventId: randomUUID(), type: 'PenaltyPointsAssessed', schemaVersion: 2, data: forged, metadata: { ...first, occurredAt: first.occurredAt } }], 'any');

    const report = await service.audit.verify();
    expect(report.checked).toBe(5);
    expect(report.mismatches).toEqual([
      { assessmentId: 'pts_ord-9_not_as_described', shopId: 'shop-1', year: 2026, field: 'points', recorded: 30, recomputed: 3, rule: { id: 'penalty.points', version: '2026-12-v5' } },
      { assessmentId: 'pts_ord-9_not_as_described', shopId: 'shop-1', year: 2026, field: 'totalPoints', recorded: 42, recomputed: 15, rule: { id: 'penalty.points', version: '2026-12-v5' } },
    ]);
  });
});
