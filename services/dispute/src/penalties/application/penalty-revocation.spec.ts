import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { disputeRuled, recordRuling } from '../testing/violation-sources';
import { createPenaltiesService } from './penalties-service';
import { shopPenaltyStreamId } from './penalty-handler';

const DAY = 86_400_000;
const STREAM = shopPenaltyStreamId('shop-1', 2026);

/** Cases 1–4 ruled not as described (3 points each): the shop reaches 12 and is hidden and warned. */
async function shopAt12() {
  const env = inMemoryTestPlatform({ start: '2026-11-10T08:00:00.000Z' });
  const service = createPenaltiesService(env.platform, { log: () => undefined });
  env.attach(service.runtime, [(event: RecordedEvent) => service.onDisputeEvent(event), (event: RecordedEvent) => service.onRefundEvent(event)]);
  for (let n = 1; n <= 4; n++) await recordRuling(env.eventStore, disputeRuled(n, 'not_as_described', env.clock.now().toISOString()));
  await env.settle();
  const appealOf4 = async (violation: Parameters<typeof disputeRuled>[1], outcome = 'buyer_wins') => {
    const ruling = disputeRuled(4, violation, env.clock.now().toISOString(), { rulingId: 'rul_4_appeal', onAppeal: true, outcome });
    await recordRuling(env.eventStore, ruling);
    await env.settle();
    return ruling;
  };
  return { env, service, appealOf4 };
}

describe('penalty points revoked on appeal (in-memory platform)', () => {
  it('given a shop hidden at 12 points, when the appeal of case 4 is won by the merchant, then its 3 points are revoked, the restrictions lifted, the violation marked revoked; a redelivery and the old timers change nothing', async () => {
    const { env, service, appealOf4 } = await shopAt12();
    await env.advance(2 * DAY);

    const ruling = await appealOf4('not_as_described', 'merchant_wins');

    const view = await service.getPenaltyPoints('shop-1');
    expect(view).toMatchObject({ points: 9, restrictions: [] });
    expect(view.violations.find((v) => v.id === 'pts_ord-4_not_as_described')).toMatchObject({
      points: 3,
      revoked: { at: '2026-11-12T08:00:00.000Z', rulingId: 'rul_4_appeal', basedOn: [ruling.eventId, expect.any(String)] },
    });
    const lifted = (await env.eventStore.readStream(STREAM)).filter((e) => e.type === 'ShopRestrictionLifted');
    expect(lifted.map((e) => [e.schemaVersion, (e.data as { reason: string }).reason])).toEqual([[2, 'points_revoked'], [2, 'points_revoked']]);

    const [recorded] = (await env.eventStore.readAll(0, 1000)).filter((e) => e.eventId === ruling.eventId);
    expect(await service.onDisputeEvent(recorded)).toMatchObject({ outcome: 'applied', replayed: true });
    await env.advance(7 * DAY);
    expect(await env.typesOf(STREAM)).toEqual([
      ...Array(4).fill('PenaltyPointsAssessed'),
      'ShopRestricted',
      'ShopRestricted',
      'PenaltyPointsRevoked',
      'ShopRestrictionLifted',
      'ShopRestrictionLifted',
    ]);
    expect(await service.audit.verify()).toMatchObject({ checked: 5, mismatches: [], sourcesNotInLog: 0 });
  });

  it('given the appeal finds another violation, then the first finding is revoked and the new one assessed', async () => {
    const { service, appealOf4 } = await shopAt12();
    await appealOf4('invoice_refusal');
    const view = await service.getPenaltyPoints('shop-1');
    expect(view.points).toBe(9 + 6);
    expect(view.violations.map((v) => [v.id, v.revoked !== undefined])).toContainEqual(['pts_ord-4_not_as_described', true]);
    expect(view.violations.map((v) => [v.id, v.revoked !== undefined])).toContainEqual(['pts_ord-4_invoice_refusal', false]);
    expect(await service.audit.verify()).toMatchObject({ checked: 6, mismatches: [] });
  });

  it('given the appeal finds the same violation, then nothing is revoked', async () => {
    const { service, appealOf4 } = await shopAt12();
    await appealOf4('not_as_described');
    expect(await service.getPenaltyPoints('shop-1')).toMatchObject({ points: 12, restrictions: [{ kind: 'hidden' }, { kind: 'warned' }] });
  });

  it('given a revocation forged in the log without an appeal that reversed the finding, then the audit names it: no reversal, wrong points and total, restrictions it should have lifted', async () => {
    const { env, service } = await shopAt12();
    const [first] = await env.eventStore.readStream(STREAM);
    const firstRuling = (first.data as { basedOn: string[] }).basedOn[0];
    const forged = {
      assessmentId: 'pts_ord-1_not_as_described',
      shopId: 'shop-1',
      year: 2026,
      orderId: 'ord-1',
      rulingId: 'rul_1',
      violation: 'not_as_described',
      previousPoints: 12,
      points: 5,
      totalPoints: 7,
      ruleId: 'penalty.revoked_on_appeal',
      rulebookVersion: '2026-12-v5',
      basedOn: [firstRuling],
      revokedAt: '2026-11-11T08:00:00.000Z',
    };
    await env.eventStore.append(STREAM, [{ eventId: randomUUID(), type: 'PenaltyPointsRevoked', schemaVersion: 1, data: forged, metadata: { ...first, occurredAt: first.occurredAt } }], 'any');

    const report = await service.audit.verify();
    expect(report.mismatches.map((m) => [m.field, m.recorded, m.recomputed])).toEqual([
      ['reversal', { onAppeal: false, violation: 'not_as_described' }, { onAppeal: false, stillFound: 'not_as_described' }],
      ['points', 5, 3],
      ['totalPoints', 7, 9],
      ['restrictions', [], [{ kind: 'hidden', from: '2026-11-10T08:00:00.000Z' }, { kind: 'warned', from: '2026-11-10T08:00:00.000Z' }]],
    ]);
  });
});
