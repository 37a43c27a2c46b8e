import { deciderSpec } from '@aftersales/kernel/testing';
import { orderDecider } from './order-decider';
import { placeOrder } from '../testing/order-fixtures';

const spec = deciderSpec(orderDecider);

describe('PlaceOrder with a shop closed for its penalty points', () => {
  it('given no order, when it is placed with a shop closed since a date, then it is refused naming order.shop_closed', () => {
    const error = spec.given([]).when(placeOrder({ shopClosedSince: '2026-11-20T10:00:00.000Z' })).thenRefuses('order.shop_closed');
    expect(error.kind).toBe('rule');
  });

  it('given no order, when it is placed with an open shop, then it is placed', () => {
    expect(spec.given([]).when(placeOrder()).decided().events.map((e) => e.type)).toEqual(['OrderPlaced']);
  });
});
