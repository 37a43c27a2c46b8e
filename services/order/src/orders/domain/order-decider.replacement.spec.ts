import { deciderSpec } from '@aftersales/kernel/testing';
import type { PlaceReplacementOrder } from './order-commands';
import { orderDecider } from './order-decider';
import { address, hoursAfterT0, ORDER_ID, rulebook, T0 } from '../testing/order-fixtures';
import { replacementOrderPlaced } from '../testing/order-events';

const spec = deciderSpec(orderDecider);

const replacement = (overrides: Partial<PlaceReplacementOrder> = {}): PlaceReplacementOrder => ({
  type: 'PlaceReplacementOrder',
  orderId: ORDER_ID,
  replacesOrderId: 'ord_original',
  exchangeRefundId: 'rfd_exchange1',
  buyerId: 'buyer-1',
  shopId: 'shop-1',
  currency: 'CNY',
  items: [{ sku: 'shirt-l', title: 'Shirt L', quantity: 1, unitPrice: 9900, category: 'apparel' }],
  address,
  at: T0,
  ...overrides,
});

describe('PlaceReplacementOrder (exchange, 换货)', () => {
  it('given no order, when a replacement is placed, then it awaits shipment at no charge, linked to the original and the exchange', () => {
    const { events, state } = spec
      .given([])
      .when(replacement())
      .then([
        replacementOrderPlaced({
          status: 'awaiting_shipment',
          paymentMethod: 'online',
          items: [{ sku: 'shirt-l', title: 'Shirt L', quantity: 1, unitPrice: 0, category: 'apparel' }],
          itemsTotal: 0,
          shippingFee: 0,
          total: 0,
          shipBy: hoursAfterT0(rulebook.order.shipWithinHours),
          replacesOrderId: 'ord_original',
          exchangeRefundId: 'rfd_exchange1',
          rulebookVersion: rulebook.version,
        }),
      ]);

    expect(events[0].data).not.toHaveProperty('payBy');
    expect(state).toMatchObject({
      status: 'awaiting_shipment',
      replacesOrderId: 'ord_original',
      deadlines: { shipBy: hoursAfterT0(72) },
      deadlineRulebooks: { shipBy: rulebook.version },
    });
  });

  it('given the replacement was placed, when the same exchange places it again, then nothing new happens', () => {
    spec
      .given([replacementOrderPlaced()])
      .when(replacement({ at: hoursAfterT0(1) }))
      .thenNothing();
  });

  it('given an order with that id, when another exchange places a replacement on it, then 409', () => {
    const error = spec
      .given([replacementOrderPlaced()])
      .when(replacement({ exchangeRefundId: 'rfd_other' }))
      .thenRefuses('order.already_placed');

    expect(error).toMatchObject({ kind: 'conflict' });
  });
});
