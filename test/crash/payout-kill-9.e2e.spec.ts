import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin as ops, agent } from '../support/http-client';
import { describeIfMainBuilt, freePort, kill9, useChildSystemSite } from '../support/child-process-system';
import { payOrder, placeOrder } from '../support/orders';

describeIfMainBuilt('payout kill-9 crash test')('kill -9 while the payment provider is being called', () => {
  const site = useChildSystemSite('aftersales-payout-crash-');

  it('given the provider paid and the process is killed before the answer is recorded, then after a restart the payout is found pending, resumed and paid exactly once', async () => {
    const port = await freePort();
    let system = await site.start(port);
    const order = await placeOrder(system.api);
    await payOrder(system.api, order);
    await system.api.post('/admin/settle', {});

    // when: the provider records the payment and hangs; the process dies mid-call
    await system.api.post('/admin/payment-provider/faults', { hang: 1 }, ops);
    const proposed = await system.api.post('/compensations', { orderId: order.id, kind: 'goodwill', amount: 1200 }, agent, { 'idempotency-key': 'gw-crash' });
    expect(proposed.status).toBe(201);
    const payoutId = proposed.body.payoutId;
    const settling = system.api.post('/admin/settle', {}).catch(() => undefined);
    for (let i = 0; i < 100 && (await system.api.get('/admin/payment-provider/payments')).body.count < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await system.api.get(`/payouts/${payoutId}`)).body.status).toBe('pending');
    await kill9(system.process);
    await settling;

    // then: after a restart the payout is resumed and recorded paid, and the provider holds one payment
    system = await site.start(port);
    const settled = await system.api.post("/admin/settle", {});
    if (settled.status !== 200) console.log(system.output());
    expect(settled.status).toBe(200);
    expect((await system.api.get(`/payouts/${payoutId}`)).body).toMatchObject({ status: 'paid', amount: 1200 });
    expect((await system.api.get(`/compensations/${proposed.body.id}`)).body.status).toBe('paid');
    const provider = (await system.api.get('/admin/payment-provider/payments')).body;
    expect([provider.count, provider.total]).toEqual([1, 1200]);
    expect(readFileSync(join(site.dataDir, 'fake-payment-provider.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    const ledger = (await system.api.get(`/ledger/entries?orderId=${order.id}`)).body;
    expect(ledger).toMatchObject({ count: 1, totals: { balanced: true } });
  }, 60_000);
});
