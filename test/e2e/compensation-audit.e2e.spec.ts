import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { runAuditCli } from '../../apps/platform/src/cli/audit-compensations';
import { agent, finance } from '../support/http-client';
import { useRestartableSystem } from '../support/restartable-system';
import { payOrder, placeOrder } from '../support/orders';
import { itOnSqliteLog } from '../support/test-event-store';

describe('compensation audit replay through HTTP', () => {
  const sys = useRestartableSystem();

  const itWithAuditCli = itOnSqliteLog('compensation audit of a tampered log', "the audit CLI it runs reads the data directory's log, not the test's KurrentDB namespace");

  itWithAuditCli('given decisions taken by the system, then verify reports zero mismatches; after a recorded decision is tampered with in the log, it reports the mismatch', async () => {
    // given: two late orders and an agent's remedy, decided and paid
    const late = [await placeOrder(sys.api), await placeOrder(sys.api, { items: [{ sku: 'cup', title: 'Cup', quantity: 2, unitPrice: 9_000 }] })];
    for (const order of late) await payOrder(sys.api, order);
    await sys.advance({ hours: 73 });
    const goodwill = await sys.api.post('/compensations', { orderId: late[1].id, kind: 'goodwill', amount: 1500 }, agent, { 'idempotency-key': 'gw' });
    expect(goodwill.status).toBe(201);
    await sys.settle();
    const clean = await sys.api.post('/admin/audit/compensations/verify', {}, finance);
    expect(clean.body).toMatchObject({ checked: 3, mismatches: [] });
    expect((await sys.api.get(`/compensations/cmp_late_${late[1].id}`)).body.amount).toBe(950); // 5% of 19000

    // when: someone rewrites history at rest — a decision claiming 50 CNY for the first late order
    await sys.stop();
    const cleanCli = await runAuditCli(['--data', sys.refundDataDir]);
    expect([cleanCli.exitCode, JSON.parse(cleanCli.output).checked]).toEqual([0, 3]);
    const store = sys.openLog('refund');
    const [recorded] = await store.readStream(`compensation-cmp_late_${late[0].id}`);
    const forged = { ...(recorded.data as object), compensationId: 'cmp_forged', amount: 5000 };
    await store.append(
      'compensation-cmp_forged',
      [{ eventId: randomUUID(), type: 'CompensationDecided', schemaVersion: 1, data: forged, metadata: { ...recorded, occurredAt: recorded.occurredAt } }],
      'no_stream',
    );
    await store.close();
    const tamperedCli = await runAuditCli(['--data', sys.refundDataDir]);
    expect(tamperedCli.exitCode).toBe(2);
    expect(JSON.parse(tamperedCli.output).mismatches.map((m: any) => [m.compensationId, m.field])).toEqual([['cmp_forged', 'amount']]);
    const whatIfCli = await runAuditCli(['--data', sys.refundDataDir, '--what-if', '2027-01-v2', '--from', '2026-11-01T00:00:00Z']);
    expect([whatIfCli.exitCode, JSON.parse(whatIfCli.output).delta.byKind.late_shipment]).toEqual([0, 2000]); // +2000 for the 1010 CNY order; the forged one already claims 5000
    expect((await runAuditCli(['--data', join(sys.refundDataDir, 'nope')])).exitCode).toBe(1);
    await sys.start();

    // then: the replay names the forged decision, the field and both values
    const tampered = await sys.api.post('/admin/audit/compensations/verify', {}, finance);
    expect(tampered.status).toBe(200);
    expect(tampered.body.checked).toBe(4);
    expect(tampered.body.mismatches).toEqual([
      expect.objectContaining({ compensationId: 'cmp_forged', field: 'amount', recorded: 5000, recomputed: 3000, rule: { id: 'compensation.late_shipment', version: '2026-12-v5' } }),
    ]);
  });

  it('what-if: replaying the period with the draft rulebook v2 (cap 50 CNY) reports how totals change, and writes nothing', async () => {
    const order = await placeOrder(sys.api);
    await payOrder(sys.api, order);
    await sys.advance({ hours: 73 });
    const before = (await sys.api.get(`/orders/${order.id}/events`)).body.revision;

    const report = await sys.api.post('/admin/audit/compensations/what-if', { rulebookVersion: '2027-01-v2', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }, finance);
    const unknown = await sys.api.post('/admin/audit/compensations/what-if', { rulebookVersion: 'v0' }, finance);

    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ decisions: 1, recorded: { amount: 3000 }, whatIf: { amount: 5000 }, delta: { amount: 2000, byKind: { late_shipment: 2000 } }, changedCount: 1 });
    expect(unknown.status).toBe(400);
    expect((await sys.api.get(`/orders/${order.id}/events`)).body.revision).toBe(before);
    expect((await sys.api.get(`/orders/${order.id}/compensations`)).body.items.map((c: any) => c.amount)).toEqual([3000]);
  });
});
