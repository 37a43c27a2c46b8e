import { currentRulebook } from '@aftersales/contracts';
import { agent, compensationWorld, supervisor } from '../testing/compensation-world';

const v1 = currentRulebook().version;

describe('compensation service', () => {
  it('given a paid 1000 + 10 CNY order, when it misses its ship-by, then exactly one late-shipment compensation of 3000 is decided and paid once', async () => {
    const w = compensationWorld();
    await w.paidOrder('ord-1');
    const missedId = await w.missShipBy('ord-1');
    await w.env.settle();

    const compensation = await w.compensation.getCompensation('cmp_late_ord-1');
    expect(compensation).toMatchObject({
      id: 'cmp_late_ord-1',
      orderId: 'ord-1',
      kind: 'late_shipment',
      amount: 3000,
      status: 'paid',
      rule: { id: 'compensation.late_shipment', version: v1 },
      basedOn: [missedId],
      explanation: '5% of 101000 = 5050; capped at 3000 → 3000',
      payoutId: 'payout-compensation-cmp_late_ord-1',
    });
    expect(w.provider.payments().map((p) => [p.idempotencyKey, p.amount])).toEqual([['payout-compensation-cmp_late_ord-1', 3000]]);
    expect(await w.env.streamTypes('compensation-cmp_late_ord-1')).toEqual(['CompensationDecided', 'CompensationPaidOut']);
  });

  it('given the decision was taken, when the miss is delivered again or recorded a second time, then nothing more is decided or paid', async () => {
    const w = compensationWorld();
    await w.paidOrder('ord-1');
    await w.missShipBy('ord-1');
    await w.env.settle();
    const [missed] = (await w.env.store.readStream('order-ord-1')).filter((e) => e.type === 'ShipByDeadlineMissed');

    const redelivered = await w.compensation.onOrderEvent(missed);
    await w.missShipBy('ord-1');
    await w.env.settle();

    expect(redelivered).toMatchObject({ outcome: 'applied', replayed: true });
    expect(await w.env.streamTypes('compensation-cmp_late_ord-1')).toEqual(['CompensationDecided', 'CompensationPaidOut']);
    expect(await w.compensation.listForOrder('ord-1')).toHaveLength(1);
    expect(w.provider.payments()).toHaveLength(1);
  });

  it('given a cash-on-delivery order (nothing paid), when it misses its ship-by, then no compensation', async () => {
    const w = compensationWorld();
    await w.missShipBy('ord-cod', 0, 'cod');
    await w.env.settle();
    expect(await w.compensation.listForOrder('ord-cod')).toEqual([]);
  });

  it('given a goodwill remedy above the threshold, then it waits for a supervisor: an agent is refused (422), a supervisor approves and it is paid', async () => {
    const w = compensationWorld();
    await w.paidOrder('ord-2');
    await w.env.settle();
    const proposed = await w.compensation.propose({ orderId: 'ord-2', kind: 'goodwill', amount: 25_000, note: 'bad review follow-up' }, w.ctx(agent));
    const id = proposed.state.decision!.compensationId;
    await w.env.settle();
    expect(await w.compensation.getCompensation(id)).toMatchObject({ status: 'awaiting_approval', requiresSupervisorApproval: true, note: 'bad review follow-up' });
    expect(w.provider.payments()).toEqual([]);

    await expect(w.compensation.approve(id, {}, w.ctx(agent))).rejects.toMatchObject({ kind: 'rule', code: 'compensation.supervisor_approval' });
    await w.compensation.approve(id, { note: 'ok' }, w.ctx(supervisor));
    await w.env.settle();

    expect(await w.compensation.getCompensation(id)).toMatchObject({ status: 'paid', approval: { approverId: 'sup-1', note: 'ok' } });
    expect(w.provider.payments().map((p) => p.amount)).toEqual([25_000]);
  });

  it('given a goodwill remedy under the threshold and one a supervisor approved, then each payout request names its causes: the decision, then the approval', async () => {
    const w = compensationWorld();
    await w.paidOrder('ord-7');
    await w.env.settle();
    const small = await w.compensation.propose({ orderId: 'ord-7', kind: 'goodwill', amount: 500 }, w.ctx(agent, 'gw-small'));
    const large = await w.compensation.propose({ orderId: 'ord-7', kind: 'goodwill', amount: 25_000 }, w.ctx(agent, 'gw-large'));
    const approved = await w.compensation.approve(large.state.decision!.compensationId, {}, w.ctx(supervisor));
    await w.env.settle();

    const causesOfPayout = async (compensationId: string) => {
      const [requested] = await w.env.store.readStream(`payout-payout-compensation-${compensationId}`);
      return (requested.data as { causedBy: string[] }).causedBy;
    };
    expect(await causesOfPayout(small.state.decision!.compensationId)).toEqual(small.eventIds);
    expect(await causesOfPayout(large.state.decision!.compensationId)).toEqual([...large.eventIds, ...approved.eventIds]);
    expect(w.provider.payments().map((p) => p.amount).sort((a, b) => a - b)).toEqual([500, 25_000]);
  });

  it('given a counterfeit compensation decided for an order, when agents propose it again (other keys, at once), then 409 naming it and it is paid once; its key replays the first outcome; goodwill stays many', async () => {
    const w = compensationWorld();
    await w.paidOrder('ord-5', 7_000); // 60 CNY of goods: 3 × = 180 CNY, below the approval threshold
    await w.env.settle();
    const first = await w.compensation.propose({ orderId: 'ord-5', kind: 'counterfeit', items: [{ sku: 'tea-500g', quantity: 1 }] }, w.ctx(agent, 'cf-1'));
    const id = first.state.decision!.compensationId;

    const again = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => w.compensation.propose({ orderId: 'ord-5', kind: 'counterfeit' }, w.ctx(agent, `cf-other-${i}`))),
    );
    const replay = await w.compensation.propose({ orderId: 'ord-5', kind: 'counterfeit', items: [{ sku: 'tea-500g', quantity: 1 }] }, w.ctx(agent, 'cf-1'));
    await w.compensation.propose({ orderId: 'ord-5', kind: 'goodwill', amount: 500 }, w.ctx(agent, 'gw-1'));
    await w.compensation.propose({ orderId: 'ord-5', kind: 'goodwill', amount: 500 }, w.ctx(agent, 'gw-2'));
    await w.env.settle();

    expect(id).toBe('cmp_counterfeit_ord-5');
    expect(again.map((r) => r.status)).toEqual(Array(10).fill('rejected'));
    for (const r of again) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict', code: 'compensation.already_decided', details: { compensationId: id } });
    }
    expect(replay).toMatchObject({ replayed: true, eventIds: first.eventIds });
    expect(await w.env.streamTypes(`compensation-${id}`)).toEqual(['CompensationDecided', 'CompensationPaidOut']);
    expect((await w.compensation.listForOrder('ord-5')).map((c) => c.kind).sort()).toEqual(['counterfeit', 'goodwill', 'goodwill']);
    expect(w.provider.payments().map((p) => p.amount).sort((a, b) => a - b)).toEqual([500, 500, 18_000]);
  });

  it('given a counterfeit compensation a supervisor rejected, when an agent proposes it again, then 409: the refusal stands', async () => {
    const w = compensationWorld();
    await w.paidOrder('ord-6', 1_001_000);
    await w.env.settle();
    const { state } = await w.compensation.propose({ orderId: 'ord-6', kind: 'counterfeit' }, w.ctx(agent, 'cf-a'));
    await w.compensation.reject(state.decision!.compensationId, { reason: 'brand letter says genuine' }, w.ctx(supervisor));

    await expect(w.compensation.propose({ orderId: 'ord-6', kind: 'counterfeit' }, w.ctx(agent, 'cf-b'))).rejects.toMatchObject({
      code: 'compensation.already_decided',
      details: { compensationId: state.decision!.compensationId, currentStatus: 'rejected' },
    });
    await w.env.settle();
    expect(w.provider.payments()).toEqual([]);
  });

  it('given a rejected remedy, then nothing is paid; an unknown order → 404; an unknown compensation → 404', async () => {
    const w = compensationWorld();
    await w.paidOrder('ord-3');
    await w.env.settle();
    const { state } = await w.compensation.propose({ orderId: 'ord-3', kind: 'counterfeit' }, w.ctx(agent));
    await w.compensation.reject(state.decision!.compensationId, { reason: 'brand letter says genuine' }, w.ctx(supervisor));
    await w.env.settle();
    expect(await w.compensation.getCompensation(state.decision!.compensationId)).toMatchObject({ status: 'rejected', amount: 300_000 });
    expect(w.provider.payments()).toEqual([]);
    await expect(w.compensation.propose({ orderId: 'nope', kind: 'goodwill', amount: 1 }, w.ctx(agent))).rejects.toMatchObject({ kind: 'not_found' });
    await expect(w.compensation.approve('cmp_nope', {}, w.ctx(supervisor))).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('given the provider is down, when the compensation is decided, then the payout is retried later and the compensation is paid once', async () => {
    const w = compensationWorld();
    w.provider.inject({ fail: 1, timeOut: 1 });
    await w.paidOrder('ord-4');
    await w.missShipBy('ord-4');
    await w.env.settle();
    expect(await w.compensation.getCompensation('cmp_late_ord-4')).toMatchObject({ status: 'payout_pending' });
    await w.env.advance(10 * 60_000);
    expect(await w.compensation.getCompensation('cmp_late_ord-4')).toMatchObject({ status: 'paid' });
    expect(w.provider.payments()).toHaveLength(1);
    expect(w.provider.calls()).toBe(3);
  });
});
