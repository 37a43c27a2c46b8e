import type { ServiceDefinition } from '../service-catalog';

/** Where the gateway sends a path: to the service that owns it, or nowhere (404). */
export class RouteTable {
  private readonly byResource = new Map<string, string>();
  private readonly byAdminPath: Array<[string, string]> = [];
  /** Nested routes, e.g. shops, any id, penalty-points (the id written as a `*` segment): matched before the resource names. */
  private readonly byTemplate: Array<[string[], string]> = [];

  constructor(definitions: readonly Pick<ServiceDefinition, 'name' | 'resources' | 'adminPaths'>[]) {
    for (const definition of definitions) {
      for (const resource of definition.resources) {
        if (resource.includes('/')) this.byTemplate.push([resource.split('/'), definition.name]);
        else this.byResource.set(resource, definition.name);
      }
      for (const path of definition.adminPaths ?? []) this.byAdminPath.push([path, definition.name]);
    }
    // The most precise admin path first: /admin/audit/penalties before /admin/audit.
    this.byAdminPath.sort(([a], [b]) => b.length - a.length);
  }

  /**
   * The service of a path: the last resource segment (segments 0, 2, 4, … of `/resource/{id}/resource/…`) that a
   * service names, so `/orders/{id}/shipments` goes to logistics and `/orders/{id}/payment` to order.
   */
  serviceOf(pathname: string): string | undefined {
    const admin = this.byAdminPath.find(([path]) => pathname === path || pathname.startsWith(`${path}/`));
    if (admin) return admin[1];
    const segments = pathname.split('/').filter((segment) => segment.length > 0);
    const template = this.byTemplate.find(([parts]) => parts.length <= segments.length && parts.every((part, i) => part === '*' || part === segments[i]));
    if (template) return template[1];
    let service: string | undefined;
    for (let index = 0; index < segments.length; index += 2) {
      service = this.byResource.get(segments[index]) ?? service;
      if (index === 0 && service === undefined) return undefined;
    }
    return service;
  }
}
