import type { DynamicModule, InjectionToken, Provider, Type } from '@nestjs/common';

/** The options every capability module with bus reactions takes. */
export interface CapabilityModuleOptions {
  /** Mount the bus reactions (default true); an HTTP-only replica may leave them out. */
  reactions?: boolean;
}

export interface CapabilityModuleParts {
  /** The token the capability's controllers inject its facade (or read side) by. */
  token: InjectionToken;
  /** What the token stands for: the facade the service definition built. */
  value: unknown;
  controllers: Type<unknown>[];
  /** Providers beside the facade (options, adapters). */
  providers?: Provider[];
}

/**
 * The dynamic module of one capability: its controllers on the facade it is given, which the module provides under
 * its token and exports (for a module that imports it, as the composed refund module does).
 */
export function capabilityModule(module: Type<unknown>, parts: CapabilityModuleParts): DynamicModule {
  return {
    module,
    controllers: parts.controllers,
    providers: [{ provide: parts.token, useValue: parts.value }, ...(parts.providers ?? [])],
    exports: [parts.token],
  };
}

/** The reactions controller, unless the options leave the bus reactions out. */
export function reactionsUnlessOff(options: CapabilityModuleOptions, controller: Type<unknown>): Type<unknown>[] {
  return options.reactions === false ? [] : [controller];
}

/** What a capability's module mounts on its facade. */
export interface CapabilityEdge {
  /** The token its controllers inject the facade by. */
  token: InjectionToken;
  controllers: Type<unknown>[];
  /** Its bus reactions, mounted unless the options turn them off. */
  reactions?: Type<unknown>;
}

/**
 * The base class of a capability's Nest module: `class OrderModule extends CapabilityModule<OrderService>(edge) {}`,
 * then `OrderModule.register(facade, options)` is its dynamic module (see capabilityModule).
 */
export function CapabilityModule<Facade>(edge: CapabilityEdge) {
  return class {
    static register(this: Type<unknown>, facade: Facade, options: CapabilityModuleOptions = {}): DynamicModule {
      const reactions = edge.reactions ? reactionsUnlessOff(options, edge.reactions) : [];
      return capabilityModule(this, { token: edge.token, value: facade, controllers: [...edge.controllers, ...reactions] });
    }
  };
}
