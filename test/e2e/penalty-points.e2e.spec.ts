import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ViolationType } from '@aftersales/contracts';
import { runPenaltyAuditCli } from '../../apps/platform/src/cli/audit-penalties';
import { agent, buyer, finance, platform, supervisor, type HttpClient } from '../support/http-client';
import { e2eMode } from '../support/multi-process-system';
import { disputeCommand, disputeEvents, openDispute } from '../support/disputes';
import { placeOrderBody } from '../support/orders';
import { paidOrder } from '../support/refunds';
import { useRestartableSystem, type RestartableSystem } from '../support/restartable-system';
import { itOnSqliteLog } from '../support/test-event-store';

// Kafka mode: five processes start for each test, and every case, ruling and restriction crosses the broker.
jest.setTimeout(180_000);

const SHOP = 'shop-1';
const otherShopAgent = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };

/** The data directory of the process that runs the dispute service (its log). */
const disputeDataDir = (sys: RestartableSystem): string => (e2eMode() === 'kafka' ? join(sys.dataDir, 'dispute') : sys.dataDir);

const CATEGORY_OF: Partial<Record<ViolationType, string>> = { invoice_refusal: 'invoice', counterfeit: 'counterfeit', breach_of_promise: 'breach_of_promise' };

/** For each violation, a case on a delivered order of shop-1, escalated to the platform and ruled buyer_wins with it. */
async function ruleAgainstShop(sys: RestartableSystem, violations: ViolationType[]): Promise<void> {
  for (const violation of violations) {
    const { order } = await paidOrder(sys.api, 'delivered');
    const opened = await openDispute(sys.api, { orderId: order.id, category: CATEGORY_OF[violation] ?? 'not_as_described', description: `Case of ${violation}.` });
    await disputeCommand(sys.api, opened.id, 'escalation', { to: 'platform', reason: 'The shop does not help' }, buyer);
    await disputeCommand(sys.api, opened.id, 'ruling', { outcome: 'buyer_wins', violation, reason: `The shop committed ${violation}.` }, platform);
  }
  await sys.settle();
}

const penaltyPoints = async (api: HttpClient, query = '') => {
  const answer = await api.get(`/shops/${SHOP}/penalty-points${query}`);
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('shop penalty points through HTTP', () => {
  const sys = useRestartableSystem();

  it('given rulings with violations, a shop at 12 points is hidden and warned for 7 days, at 48 closed (new orders 422), and everything ends at the yearly reset', async () => {
    // given: four rulings of not as described (3 points each)
    await ruleAgainstShop(sys, ['not_as_described', 'not_as_described', 'not_as_described', 'not_as_described']);

    // then: 12 points, hidden and warned for 7 days, each violation with its rule, version and the ruling it was based on
    const at12 = await penaltyPoints(sys.api);
    const from = at12.restrictions[0]?.from;
    expect(at12).toMatchObject({ shopId: SHOP, year: 2026, points: 12 });
    expect(at12.restrictions).toEqual([
      { kind: 'hidden', from, until: new Date(Date.parse(from) + 7 * 86_400_000).toISOString() },
      { kind: 'warned', from, until: new Date(Date.parse(from) + 7 * 86_400_000).toISOString() },
    ]);
    expect(at12.violations).toHaveLength(4);
    expect(at12.violations[0]).toEqual({
      id: expect.stringMatching(/^pts_.+_not_as_described$/),
      type: 'not_as_described',
      points: 3,
      at: expect.any(String),
      orderId: expect.any(String),
      disputeId: expect.stringMatching(/^dsp_/),
      basedOn: [expect.any(String)],
      rule: { id: 'penalty.points', version: '2026-12-v5' },
    });
    // who may read it: the platform, finance, the shop's own staff; not a buyer, not another shop's agent
    expect((await sys.api.get(`/shops/${SHOP}/penalty-points`, finance)).status).toBe(200);
    expect((await sys.api.get(`/shops/${SHOP}/penalty-points`, agent)).status).toBe(200);
    expect((await sys.api.get(`/shops/${SHOP}/penalty-points`, supervisor)).status).toBe(200);
    expect((await sys.api.get(`/shops/${SHOP}/penalty-points`, buyer)).status).toBe(403);
    expect((await sys.api.get(`/shops/${SHOP}/penalty-points`, otherShopAgent)).status).toBe(404);
    expect((await sys.api.get(`/shops/${SHOP}/penalty-points?year=twenty`)).status).toBe(400);

    // when: 7 days pass on the manual clock, then both restrictions are lifted
    await sys.advance({ days: 6, hours: 23 });
    expect((await penaltyPoints(sys.api)).restrictions).toHaveLength(2);
    await sys.advance({ hours: 1 });
    expect(await penaltyPoints(sys.api)).toMatchObject({ points: 12, restrictions: [] });
    expect((await sys.api.post('/orders', placeOrderBody())).status).toBe(201);

    // when: a counterfeit (48 points) takes the shop to 60, then it is closed and its new orders are refused
    await ruleAgainstShop(sys, ['counterfeit']);
    const closed = await penaltyPoints(sys.api);
    expect(closed).toMatchObject({ points: 60, restrictions: [{ kind: 'closed', from: expect.any(String) }] });
    const refused = await sys.api.post('/orders', placeOrderBody());
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'order.shop_closed' });
    expect((await sys.api.post('/orders', placeOrderBody({ shopId: 'shop-2' }))).status).toBe(201);

    // then: the live projection equals its rebuild from the log, and the audit recomputes every assessment
    const live = await penaltyPoints(sys.api);
    const rebuilt = await sys.api.post('/admin/projections/shop_penalty_points/rebuild', {});
    expect(rebuilt.status).toBe(200);
    expect(await penaltyPoints(sys.api)).toEqual(live);
    expect((await sys.api.post('/admin/projections/order_shop_closures/rebuild', {})).status).toBe(200);
    expect((await sys.api.post('/orders', placeOrderBody())).body).toMatchObject({ code: 'order.shop_closed' });
    expect((await sys.api.post('/admin/audit/penalties/verify', {}, finance)).body).toMatchObject({ checked: 5, mismatches: [], sourcesNotInLog: 0 });

    // when: the year ends, then the closure ends with the points (reason points_reset), and 2027 starts at 0
    await sys.advance({ days: 60 });
    expect(await penaltyPoints(sys.api, '?year=2026')).toMatchObject({ year: 2026, points: 60, restrictions: [] });
    expect(await penaltyPoints(sys.api)).toEqual({ shopId: SHOP, year: 2027, points: 0, restrictions: [], violations: [] });
    expect((await sys.api.post('/orders', placeOrderBody())).status).toBe(201);
    await ruleAgainstShop(sys, ['breach_of_promise']);
    expect(await penaltyPoints(sys.api)).toMatchObject({ year: 2027, points: 3, restrictions: [] });
  });

  const itWithAuditCli = itOnSqliteLog('penalty audit of a forged assessment', "the penalty audit CLI it runs reads the data directory's log, not the test's KurrentDB namespace");
  itWithAuditCli('given assessments recorded by the system, when an assessment in the log is forged with other points, then the penalty audit names it', async () => {
    await ruleAgainstShop(sys, ['invoice_refusal', 'breach_of_promise']);
    expect((await sys.api.post('/admin/audit/penalties/verify', {}, finance)).body).toMatchObject({ checked: 2, mismatches: [] });

    // when: someone rewrites history at rest — the breach of promise claimed at 30 points instead of 3
    await sys.stop();
    const store = sys.openLog('dispute');
    const stream = `shop-penalty-${SHOP}-2026`;
    const recorded = (await store.readStream(stream)).find((e) => (e.data as { violation: string }).violation === 'breach_of_promise')!;
    const forged = { ...(recorded.data as object), assessmentId: 'pts_ord-forged_breach_of_promise', orderId: 'ord-forged', previousPoints: 9, points: 30, totalPoints: 39 };
    await store.append(stream, [{ eventId: randomUUID(), type: 'PenaltyPointsAssessed', schemaVersion: 2, data: forged, metadata: { ...recorded, occurredAt: recorded.occurredAt } }], 'any');
    await store.close();
    const cli = await runPenaltyAuditCli(['--data', disputeDataDir(sys)]);
    expect([cli.exitCode, JSON.parse(cli.output).mismatches[0]]).toEqual([2, expect.objectContaining({ assessmentId: 'pts_ord-forged_breach_of_promise', field: 'points' })]);
    expect((await runPenaltyAuditCli(['--data', join(disputeDataDir(sys), 'nope')])).exitCode).toBe(1);
    await sys.start();

    // then: the replay names the forged assessment, the field and both values
    const report = await sys.api.post('/admin/audit/penalties/verify', {}, finance);
    expect(report.status).toBe(200);
    expect(report.body.checked).toBe(3);
    expect(report.body.mismatches).toEqual(
      expect.arrayContaining([
        { assessmentId: 'pts_ord-forged_breach_of_promise', shopId: SHOP, year: 2026, field: 'points', recorded: 30, recomputed: 3, rule: { id: 'penalty.points', version: '2026-12-v5' } },
      ]),
    );
    expect((await sys.api.post('/admin/audit/penalties/verify', {}, agent)).status).toBe(403);
  });

  it('given a case ruled through HTTP with a violation, then the points are assessed once, with rule id, version and the ruling they were based on', async () => {
    const { order } = await paidOrder(sys.api, 'delivered');
    const opened = await openDispute(sys.api, { orderId: order.id, category: 'invoice', description: 'The shop refuses to issue an invoice.' });
    await disputeCommand(sys.api, opened.id, 'escalation', { to: 'platform', reason: 'No invoice' }, buyer);

    await disputeCommand(sys.api, opened.id, 'ruling', { outcome: 'buyer_wins', violation: 'invoice_refusal', reason: 'Refusing an invoice breaks the rules.' }, platform);
    await sys.settle();

    const ruled = (await disputeEvents(sys.api, opened.id)).find((e) => e.type === 'DisputeRuled');
    expect(await penaltyPoints(sys.api)).toEqual({
      shopId: SHOP,
      year: 2026,
      points: 6,
      restrictions: [],
      violations: [
        { id: `pts_${order.id}_invoice_refusal`, type: 'invoice_refusal', points: 6, at: expect.any(String), orderId: order.id, disputeId: opened.id, basedOn: [ruled.eventId], rule: { id: 'penalty.points', version: '2026-12-v5' } },
      ],
    });
    expect((await sys.api.post('/admin/audit/penalties/verify', {}, finance)).body).toMatchObject({ checked: 1, mismatches: [], sourcesNotInLog: 0 });

    // when: the shop appeals and the ruling on appeal finds the same violation, then it is not assessed twice
    await disputeCommand(sys.api, opened.id, 'appeal', { reason: 'We offered an invoice.' }, agent);
    await disputeCommand(sys.api, opened.id, 'ruling', { outcome: 'buyer_wins', violation: 'invoice_refusal', reason: 'Upheld on appeal.' }, platform);
    await sys.settle();
    expect((await disputeEvents(sys.api, opened.id)).filter((e) => e.type === 'DisputeRuled')).toHaveLength(2);
    expect(await penaltyPoints(sys.api)).toMatchObject({ points: 6, violations: [expect.objectContaining({ basedOn: [ruled.eventId] })] });
  });
});
