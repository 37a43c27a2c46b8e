import type { BuiltService, ServiceContext, ServiceDefinition } from '@aftersales/nest';
import { orderServiceDefinition } from '@aftersales/order';
import { logisticsServiceDefinition } from '@aftersales/logistics';
import { refundServiceDefinition } from '@aftersales/refund';
import { timelineServiceDefinition } from '@aftersales/timeline';
import { disputeServiceDefinition } from '@aftersales/dispute';
import { reviewServiceDefinition } from '@aftersales/review';

export type { BuiltService, ServiceContext, ServiceDefinition };

/** In build order: a service may use the facades of those before it in the same process. */
export const SERVICE_CATALOG: readonly ServiceDefinition[] = [orderServiceDefinition, logisticsServiceDefinition, refundServiceDefinition, disputeServiceDefinition, reviewServiceDefinition, timelineServiceDefinition];
export const SERVICE_NAMES: readonly string[] = SERVICE_CATALOG.map((definition) => definition.name);

/** The definitions of the named services, in build order; all of them by default. Unknown names are refused. */
export function selectServices(names: readonly string[] | undefined): ServiceDefinition[] {
  if (!names || names.length === 0) return [...SERVICE_CATALOG];
  const unknown = names.filter((name) => !SERVICE_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`unknown service(s) ${unknown.join(', ')}; known: ${SERVICE_NAMES.join(', ')}`);
  return SERVICE_CATALOG.filter((definition) => names.includes(definition.name));
}

export function buildServices(definitions: ServiceDefinition[], context: Omit<ServiceContext, 'local'>): BuiltService[] {
  const local = new Map<string, BuiltService>();
  for (const definition of definitions) local.set(definition.name, definition.build({ ...context, local }));
  return [...local.values()];
}
