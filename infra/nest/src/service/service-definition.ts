import type { DynamicModule } from '@nestjs/common';
import type { Clock, Drainable, Platform, ServiceRuntime, SideConsumer } from '@aftersales/kernel';

export type BusKind = 'embedded' | 'kafka';

/** What one service adds to a process: its runtimes, its Nest modules, and what settle() must wait for. */
export interface BuiltService {
  name: string;
  runtimes: ServiceRuntime[];
  modules: DynamicModule[];
  sideConsumers: SideConsumer[];
  /** Work a service runs in the background (payout attempts) that settle() waits for, after the consumers. */
  drainables?: Drainable[];
  /** Facade other services of the same process may call (only the refund service's reissue parcel does). */
  facade?: unknown;
}

/** What the composition root hands a service when it builds it. */
export interface ServiceContext {
  platform: Platform;
  clock: Clock;
  bus: BusKind;
  dataDir: string;
  /** Services built before this one in the same process, by name. */
  local: ReadonlyMap<string, BuiltService>;
  /**
   * Ports to services in other processes (multi-process mode), by service name, when the process was given their
   * addresses. Only the reissue stays a direct call; everything else between services goes through their events.
   */
  remote?: Readonly<Record<string, unknown>>;
}

/** A service as the composition root knows it: its name, what the gateway routes to it, and how to build it. */
export interface ServiceDefinition {
  name: string;
  /**
   * Resource names in the service's HTTP paths (`orders`, or `shipments` in `/orders/{id}/shipments`): the gateway
   * routes a path by its last segment that names a resource. A nested route of a resource another service may own
   * is a template whose `*` segments stand for any id (shops, any id, penalty-points), matched before the names.
   */
  resources: string[];
  /** Paths under /admin the service serves itself (the gateway forwards them). */
  adminPaths?: string[];
  build(context: ServiceContext): BuiltService;
}
