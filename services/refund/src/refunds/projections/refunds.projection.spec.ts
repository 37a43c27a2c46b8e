import { buyer, merchant, refundScenario, returnAddress } from '../testing/refund-scenario';
import { REFUNDS_COLLECTION, SHOP_RETURN_ADDRESSES } from './refund.document';
import { nextOrderFacts, type OrderFactsDoc } from './order-facts.projection';
import { refundsProjection } from './refunds.projection';
import type { RecordedEvent } from '@aftersales/kernel';

describe('refunds projection', () => {
  it('given commands on a refund, then the document equals the state the commands answered, at their revision', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const requested = await s.refunds.requestRefund({ orderId, type: 'return_and_refund', reason: 'quality', amount: 1000 }, buyer);
    const approved = await s.refunds.approveRefund(requested.state!.id, { returnAddress }, merchant);
    await s.env.settle();

    expect(await s.refunds.getRefund(requested.state!.id)).toEqual({ ...approved.state, revision: approved.revision });
    expect(await s.env.readModels.get(SHOP_RETURN_ADDRESSES, 'shop-1')).toEqual({ id: 'shop-1', returnAddress });
  });

  it('given a rebuild from the log, then the same documents come back (the allowance and payout streams do not leak in)', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder('paid');
    const { state } = await s.refunds.requestRefund({ orderId, type: 'refund_only', reason: 'other', amount: 101_000 }, buyer);
    await s.refunds.approveRefund(state!.id, {}, merchant);
    await s.env.settle();
    const live = await s.refunds.getRefund(state!.id);

    const docs = new Map<string, unknown>();
    const uow = {
      get: async (_c: string, id: string) => docs.get(id) as never,
      put: (c: string, doc: { id: string }) => void (c === REFUNDS_COLLECTION && docs.set(doc.id, doc)),
      delete: () => undefined,
      putRow: () => undefined,
    };
    for (const event of await s.env.eventStore.readAll(0, 10_000)) {
      if (refundsProjection.handles(event.type)) await refundsProjection.apply(event, uow);
    }
    expect([...docs.values()]).toEqual([live]);
  });
});

describe('order facts (from the order topic)', () => {
  const envelope = (type: string, revision: number, data: Record<string, unknown>): RecordedEvent => ({
    eventId: `e${revision}`,
    type,
    schemaVersion: 1,
    streamId: 'order-o1',
    revision,
    position: revision + 1,
    occurredAt: '2026-11-02T08:00:00.000Z',
    recordedAt: '2026-11-02T08:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    actor: { id: 't', role: 'agent' },
    data: { orderId: 'o1', ...data },
  });
  const placed = envelope('OrderPlaced', 0, {
    buyerId: 'b',
    shopId: 's',
    currency: 'CNY',
    status: 'awaiting_shipment',
    paymentMethod: 'cod',
    items: [{ sku: 'a', title: 'A', quantity: 1, unitPrice: 500, category: 'custom_made' }],
  });

  it('given a COD order, then it is paid once the cash is collected, and delivered with its time', () => {
    let doc = nextOrderFacts(undefined, placed) as OrderFactsDoc;
    doc = nextOrderFacts(doc, envelope('OrderDelivered', 1, { deliveredAt: '2026-11-04T08:00:00.000Z' }))!;
    doc = nextOrderFacts(doc, envelope('CashOnDeliveryCollected', 2, { amount: 500 }))!;
    expect(doc).toMatchObject({ status: 'delivered', paidAmount: 500, deliveredAt: '2026-11-04T08:00:00.000Z', revision: 2 });
    expect(doc.items[0]).toMatchObject({ category: 'custom_made' });
  });

  it('given an older or repeated event, then nothing changes', () => {
    const doc = nextOrderFacts(nextOrderFacts(undefined, placed), envelope('OrderClosed', 1, {}))!;
    expect(nextOrderFacts(doc, envelope('OrderPaid', 1, { amount: 1 }))).toBeUndefined();
    expect(nextOrderFacts(undefined, envelope('OrderPaid', 1, { amount: 1 }))).toBeUndefined();
  });
});
