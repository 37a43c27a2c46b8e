import { agent, buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { address, payOrder, placeOrder } from '../support/orders';

describe('an address change racing a dispatch, through HTTP', () => {
  const t = useTestSystem('all');

  it('given a shipment just created, when one dispatch races 49 address changes, then every accepted change is committed before the dispatch and the rest are 409', async () => {
    for (let round = 0; round < 10; round++) {
      const order = await placeOrder(t.api);
      await payOrder(t.api, order);
      const created = await t.api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: `SF-RACE-${order.id}` }, agent);
      expect(created.status).toBe(201);

      const calls = Array.from({ length: 50 }, (_, i) =>
        i === 25
          ? t.api.post(`/shipments/${created.body.id}/dispatch`, {}, agent).then((a) => ({ kind: 'dispatch', status: a.status }))
          : t.api.put(`/orders/${order.id}/address`, { ...address, street: `${i} Race Road` }, buyer).then((a) => ({ kind: 'change', status: a.status, code: a.body?.code })),
      );
      const answers = await Promise.all(calls);
      await t.settle();

      expect(answers.find((a) => a.kind === 'dispatch')!.status).toBe(200);
      for (const change of answers.filter((a) => a.kind === 'change')) expect([200, 409]).toContain(change.status);
      const timeline = (await t.api.get(`/orders/${order.id}/timeline`)).body.entries as Array<{ type: string; position: number }>;
      const dispatched = timeline.find((e) => e.type === 'ShipmentDispatched')!;
      const changes = timeline.filter((e) => e.type === 'ShippingAddressChanged');
      expect(changes.filter((c) => c.position > dispatched.position)).toEqual([]);
      expect(changes.length).toBe(answers.filter((a) => a.kind === 'change' && a.status === 200).length);
      expect((await t.api.put(`/orders/${order.id}/address`, { ...address, street: 'Too Late Road' }, buyer)).status).toBe(409);
    }
  });
});
