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
