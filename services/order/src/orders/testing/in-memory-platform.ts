import type { CommandContext } from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { createOrderService, type OrderService, type OrderServiceOptions } from '../application/order-service';
import { ORDER_TOTAL, placeOrderInput } from './order-fixtures';

/** The kernel's in-memory test platform, in hours: `attach` wires the order service's runtime; reactions are called directly. */
export function inMemoryPlatform(start = new Date('2026-11-02T08:00:00.000Z')) {
  const env = inMemoryTestPlatform({ start });
  return { ...env, advanceHours: (hours: number) => env.advance(hours * 3_600_000) };
}

/** The order service on a fresh in-memory platform, its runtime attached, logging nothing. */
export function orderServiceInMemory(options: OrderServiceOptions = {}) {
  const env = inMemoryPlatform();
  const service = createOrderService(env.platform, { log: () => undefined, ...options });
  env.attach(service.runtime);
  return { env, service };
}

/**
 * The order service on a fresh in-memory platform for every test of the describe block that calls this
 * (a beforeEach): read `env` and `service` inside the tests.
 */
export function orderServicePerTest(options: OrderServiceOptions = {}): { env: InMemoryOrderPlatform; service: OrderService } {
  const current = {} as { env: InMemoryOrderPlatform; service: OrderService };
  beforeEach(() => {
    Object.assign(current, orderServiceInMemory(options));
  });
  return current;
}

export type InMemoryOrderPlatform = ReturnType<typeof inMemoryPlatform>;

/** Places the usual order (placeOrderInput) as `ctx` and pays its total: the id of an order awaiting shipment. */
export async function placePaidOrder(service: OrderService, ctx: CommandContext): Promise<string> {
  const orderId = (await service.placeOrder(placeOrderInput, ctx)).state!.id;
  await service.payOrder(orderId, { amount: ORDER_TOTAL, paymentRef: 'pay-1' }, ctx);
  return orderId;
}
