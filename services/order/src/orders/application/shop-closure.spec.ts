import type { CommandContext } from '@aftersales/kernel';
import { DomainError } from '@aftersales/kernel';
import { busEvent } from '../testing/bus-events';
import { orderServicePerTest } from '../testing/in-memory-platform';
import { placeOrderInput as order } from '../testing/order-fixtures';

const buyer: CommandContext = { actor: { id: 'buyer-1', role: 'buyer' } };
const CLOSED_FROM = '2026-11-20T10:00:00.000Z';

/** A penalty restriction of shop-1 as the dispute topic delivers it to group `order`. */
const restriction = (type: 'ShopRestricted' | 'ShopRestrictionLifted', kind: string, eventId: string, position: number) =>
  busEvent(
    type,
    type === 'ShopRestricted'
      ? { shopId: order.shopId, year: 2026, orderId: 'ord-9', kind, from: CLOSED_FROM, atPoints: 48, totalPoints: 48, thresholdRuleId: 'penalty.threshold_48', rulebookVersion: '2026-12-v4', assessmentId: 'pts_ord-9_counterfeit', basedOn: ['evt-1'] }
      : { shopId: order.shopId, year: 2026, orderId: 'ord-9', kind, restrictionFrom: CLOSED_FROM, liftedAt: '2027-01-01T00:00:00.000Z', reason: 'points_reset' },
    { eventId, streamId: `shop-penalty-${order.shopId}-2026`, position },
  );

const refusal = async (promise: Promise<unknown>): Promise<DomainError | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)),
  );

describe('a shop closed for its penalty points takes no new orders', () => {
  const world = orderServicePerTest();

  it('given the dispute topic says shop-1 is closed, when a buyer places an order with it, then it is refused 422 order.shop_closed and nothing is written', async () => {
    await world.service.onDisputeEvent(restriction('ShopRestricted', 'closed', 'evt-closed', 10));
    const head = await world.env.eventStore.headPosition();

    const error = await refusal(world.service.placeOrder(order, buyer));

    expect([error?.kind, error?.code, error?.details.closedSince]).toEqual(['rule', 'order.shop_closed', CLOSED_FROM]);
    expect(await world.env.eventStore.headPosition()).toBe(head);
    expect((await world.service.placeOrder({ ...order, shopId: 'shop-2' }, buyer)).state).toMatchObject({ shopId: 'shop-2' });
  });

  it('given a closure delivered twice and then lifted at the reset, when a buyer places an order, then it is taken', async () => {
    await world.service.onDisputeEvent(restriction('ShopRestricted', 'closed', 'evt-closed', 10));
    expect(await world.service.onDisputeEvent(restriction('ShopRestricted', 'closed', 'evt-closed', 10))).toEqual({ outcome: 'ignored' });
    await world.service.onDisputeEvent(restriction('ShopRestrictionLifted', 'closed', 'evt-lifted', 11));

    expect((await world.service.placeOrder(order, buyer)).state).toMatchObject({ shopId: order.shopId, status: 'awaiting_payment' });
  });

  it('given the shop is only hidden and warned, when a buyer places an order, then it is taken', async () => {
    await world.service.onDisputeEvent(restriction('ShopRestricted', 'hidden', 'evt-hidden', 10));
    await world.service.onDisputeEvent(restriction('ShopRestricted', 'warned', 'evt-warned', 11));

    expect((await world.service.placeOrder(order, buyer)).state).toMatchObject({ shopId: order.shopId });
  });
});
