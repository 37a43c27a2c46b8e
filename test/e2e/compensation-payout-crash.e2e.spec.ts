import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ops } from '../support/http-client';
import { useRestartableSystem } from '../support/restartable-system';
import { payOrder, placeOrder } from '../support/orders';

describe('a payout interrupted by provider failures, a lost answer or a restart pays once', () => {
  const sys = useRestartableSystem();

  const lateOrder = async () => {
    const order = await placeOrder(sys.api);
    await payOrder(sys.api, order);
    await sys.advance({ hours: 72 });
    return { order, payoutId: `payout-compensation-cmp_late_${order.id}` };
  };

  it('given the provider is down for two calls, then the durable retries pay it on the third, once', async () => {
    await sys.api.post('/admin/payment-provider/faults', { fail: 2 }, ops);
    const { order, payoutId } = await lateOrder();
    expect((await sys.api.get(`/payouts/${payoutId}`)).body).toMatchObject({ status: 'pending', failedAttempts: 1, lastError: { code: 'provider_unavailable' } });

    await sys.advance({ minutes: 5 });

    expect((await sys.api.get(`/payouts/${payoutId}`)).body).toMatchObject({ status: 'paid', failedAttempts: 2 });
    expect((await sys.api.get(`/compensations/cmp_late_${order.id}`)).body.status).toBe('paid');
    const provider = (await sys.api.get('/admin/payment-provider/payments')).body;
    expect([provider.calls, provider.count, provider.total]).toEqual([3, 1, 3000]);
  });

  it('given the provider paid but its answer was lost (timeout) and the process restarts before the retry, then the restart resumes the payout and the provider pays nothing more', async () => {
    // given: the payment happened at the provider, the platform only saw a timeout
    await sys.api.post('/admin/payment-provider/faults', { timeOut: 1 }, ops);
    const { order, payoutId } = await lateOrder();
    expect((await sys.api.get(`/payouts/${payoutId}`)).body).toMatchObject({ status: 'pending', lastError: { code: 'timeout' } });
    expect((await sys.api.get(`/compensations/cmp_late_${order.id}`)).body.status).toBe('payout_pending');

    // when: the process stops and starts again (no time passes: the retry timer is not due)
    await sys.restart();
    await sys.settle();

    // then: paid, once — the provider recognised the idempotency key
    expect((await sys.api.get(`/payouts/${payoutId}`)).body).toMatchObject({ status: 'paid', failedAttempts: 1 });
    expect((await sys.api.get(`/compensations/cmp_late_${order.id}`)).body.status).toBe('paid');
    const provider = (await sys.api.get('/admin/payment-provider/payments')).body;
    expect([provider.count, provider.total]).toEqual([1, 3000]);
    const paymentsOnDisk = readFileSync(join(sys.refundDataDir, 'fake-payment-provider.jsonl'), 'utf8').trim().split('\n');
    expect(paymentsOnDisk).toHaveLength(1);
    const reconciliation = (await sys.api.get('/ledger/reconciliation')).body;
    expect(reconciliation).toMatchObject({ balanced: true, matchesPayouts: true, payouts: { count: 1 } });

    // and: the retry timer, when it comes due, finds nothing left to do
    await sys.advance({ hours: 2 });
    expect((await sys.api.get('/admin/payment-provider/payments')).body.count).toBe(1);
  });
});
