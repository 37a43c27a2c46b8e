import { agent, buyer, carrierWebhook, type HttpClient } from './http-client';

export const address = {
  name: 'Li Lei',
  phone: '13800000000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  street: '1 Wensan Road',
};

/** The brief's worked example: 1000 CNY goods + 10 CNY shipping. */
export const placeOrderBody = (overrides: Record<string, unknown> = {}) => ({
  buyerId: buyer.id,
  shopId: 'shop-1',
  items: [{ sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 1, unitPrice: 100_000 }],
  shippingFee: 1_000,
  paymentMethod: 'online',
  address,
  ...overrides,
});

export async function placeOrder(api: HttpClient, overrides: Record<string, unknown> = {}): Promise<any> {
  const answer = await api.post('/orders', placeOrderBody(overrides));
  if (answer.status !== 201) throw new Error(`place order: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function payOrder(api: HttpClient, order: { id: string; total: number }): Promise<any> {
  const answer = await api.post(`/orders/${order.id}/payment`, { amount: order.total, paymentRef: `pay-${order.id}` }, buyer, {
    'idempotency-key': `pay-${order.id}`,
  });
  if (answer.status !== 200) throw new Error(`pay: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function shipOrder(api: HttpClient, orderId: string, trackingNo = `SF${orderId}`): Promise<any> {
  const created = await api.post('/shipments', { orderId, carrier: 'SF', trackingNo }, agent);
  if (created.status !== 201) throw new Error(`create shipment: ${created.status} ${JSON.stringify(created.body)}`);
  const dispatched = await api.post(`/shipments/${created.body.id}/dispatch`, {}, agent);
  if (dispatched.status !== 200) throw new Error(`dispatch: ${dispatched.status} ${JSON.stringify(dispatched.body)}`);
  return dispatched.body;
}

export const carrierEvent = (trackingNo: string, carrierEventId: string, status: string, occurredAt: string) => ({
  carrier: 'SF',
  trackingNo,
  carrierEventId,
  status,
  occurredAt,
});

export const postCarrierEvent = (api: HttpClient, body: ReturnType<typeof carrierEvent>) => api.post('/carrier-events', body, carrierWebhook);

export const eventTypes = async (api: HttpClient, orderId: string): Promise<string[]> =>
  ((await api.get(`/orders/${orderId}/events`)).body.events as any[]).map((e) => e.type);
