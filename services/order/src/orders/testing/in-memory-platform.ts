import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { createOrderService, type OrderServiceOptions } from '../application/order-service';

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

export type InMemoryOrderPlatform = ReturnType<typeof inMemoryPlatform>;
