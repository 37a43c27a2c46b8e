import { randomUUID } from 'node:crypto';
import { agent } from '../../compensation/testing/compensation-world';
import { auditWorld } from '../testing/audit-world';

describe('compensation audit replay', () => {
  const world = async () => {
    const w = auditWorld();
    await w.paidOrder('ord-1');
    await w.paidOrder('ord-2', 20_000);
    await w.paidOrder('ord-3');
    await w.missShipBy('ord-1');
    await w.missShipBy('ord-2', 20_000);
    await w.env.settle();
    await w.compensation.propose({ orderId: 'ord-3', kind: 'not_as_described', items: [{ sku: 'tea-500g', quantity: 1 }] }, w.ctx(agent));
    await w.compensation.propose({ orderId: 'ord-3', kind: 'goodwill', amount: 800 }, w.ctx(agent));
    await w.env.settle();
    return w;
  };

  it('given decisions taken by the service, when verified, then every one recomputes to what was recorded', async () => {
    const w = await world();
    const report = await w.audit.verify();
    expect(report).toMatchObject({ checked: 4, mismatches: [] });
  });

  it('given a forged decision appended to the log, when verified, then the mismatch names the field, the recorded and the recomputed value', async () => {
    const w = await world();
    const [decided] = await w.env.store.readStream('compensation-cmp_late_ord-1');
    const forged = { ...(decided.data as Record<string, unknown>), compensationId: 'cmp_forged', amount: 5000, explanation: '5% of 101000 = 5050; capped at 5000 → 5000' };
    await w.env.store.append(
      'compensation-cmp_forged',
      [{ eventId: randomUUID(), type: 'CompensationDecided', schemaVersion: 1, data: forged, metadata: { occurredAt: '2026-11-05T09:00:00.000Z', correlationId: 'c', causationId: null, actor: agent } }],
      'no_stream',
    );

    const report = await w.audit.verify();

    expect(report.checked).toBe(5);
    expect(report.mismatches.map((m) => [m.compensationId, m.field, m.recorded, m.recomputed])).toEqual([
      ['cmp_forged', 'amount', 5000, 3000],
      ['cmp_forged', 'explanation', '5% of 101000 = 5050; capped at 5000 → 5000', '5% of 101000 = 5050; capped at 3000 → 3000'],
    ]);
  });

  it('given a decision naming an unpublished rulebook, a source event that does not exist or one that occurred after it, then it is a mismatch', async () => {
    const w = await world();
    const [decided] = await w.env.store.readStream('compensation-cmp_late_ord-2');
    const data = decided.data as { rule: object; basedOn: string[] };
    const append = (id: string, patch: object) =>
      w.env.store.append(
        `compensation-${id}`,
        [{ eventId: randomUUID(), type: 'CompensationDecided', schemaVersion: 1, data: { ...data, compensationId: id, ...patch }, metadata: { occurredAt: '2026-11-05T09:00:00.000Z', correlationId: 'c', causationId: null, actor: agent } }],
        'no_stream',
      );
    await append('cmp_v9', { rule: { ruleId: 'compensation.late_shipment', rulebookVersion: '2099-v9' } });
    await append('cmp_ghost', { basedOn: ['no-such-event'] });
    await append('cmp_backdated', { decidedAt: '2026-11-01T00:00:00.000Z' });

    const { mismatches } = await w.audit.verify();

    expect(mismatches.map((m) => [m.compensationId, m.field, m.detail])).toEqual([
      ['cmp_v9', 'rule.rulebookVersion', 'rulebook version 2099-v9 is not published'],
      ['cmp_ghost', 'basedOn', 'source event no-such-event is not an order fact the service received'],
      ['cmp_backdated', 'basedOn', `source event ${data.basedOn[0]} occurred after the decision`],
    ]);
  });

  it('what-if with the draft rulebook: the capped late shipment would pay 5000 instead of 3000, a 300 CNY remedy would need no approval, and nothing is written', async () => {
    const w = await world();
    const head = await w.env.store.headPosition();

    const report = await w.audit.whatIf('2027-01-v2');

    expect(report).toMatchObject({
      rulebookVersion: '2027-01-v2',
      decisions: 4,
      recorded: { amount: 3000 + 1000 + 30_000 + 800, requiringApproval: 1 },
      whatIf: { amount: 5000 + 1000 + 30_000 + 800, requiringApproval: 0, refused: 0 },
      delta: { amount: 2000, requiringApproval: -1, byKind: { late_shipment: 2000, not_as_described: 0, goodwill: 0 } },
      changedCount: 2,
      changed: [
        { compensationId: 'cmp_late_ord-1', recorded: { amount: 3000 }, whatIf: { amount: 5000 } },
        { kind: 'not_as_described', recorded: { amount: 30_000, requiresSupervisorApproval: true }, whatIf: { amount: 30_000, requiresSupervisorApproval: false } },
      ],
    });
    expect(await w.env.store.headPosition()).toBe(head);
    await expect(w.audit.whatIf('1999-v0')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('what-if over a period only replays the decisions taken in it', async () => {
    const w = await world();
    const report = await w.audit.whatIf('2027-01-v2', { from: '2026-11-03T00:00:00.000Z' });
    expect(report.decisions).toBe(0);
  });
});
