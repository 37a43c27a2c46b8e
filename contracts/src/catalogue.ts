import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TObject } from '@sinclair/typebox';
import type { EventDefinition, ServiceName } from './define-event';
import { registerContractFormats } from './formats';
import { disputeEvents } from './dispute/events';
import { logisticsEvents } from './logistics/events';
import { orderEvents } from './order/events';
import { refundEvents } from './refund/events';
import { reviewEvents } from './review/events';

/** One problem in an event's data: a JSON pointer to the field ('' for the whole object) and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

export class UnknownEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly version?: number,
  ) {
    super(version === undefined ? `unknown event type ${eventType}` : `unknown event ${eventType} v${version}`);
    this.name = 'UnknownEventError';
  }
}

/**
 * The registry of event types. A breaking change to a type's data is a new version of the type, so one type may
 * have several versions; writers use the latest, readers accept every registered one.
 */
export interface EventCatalogue {
  readonly events: readonly EventDefinition[];
  /** Every registered event type, in catalogue order. */
  readonly types: readonly string[];
  find(type: string, version: number): EventDefinition | undefined;
  /** The definition of one version of a type; throws UnknownEventError. */
  definition(type: string, version: number): EventDefinition;
  /** Registered versions of a type, ascending; throws UnknownEventError. */
  versionsOf(type: string): number[];
  /** The version writers use: the highest registered. */
  latestVersion(type: string): number;
  serviceOf(type: string): ServiceName;
  topicForEventType(type: string): string;
  /** Field errors of `data` against the schema of `type` v`version`; empty when valid. */
  validate(type: string, version: number, data: unknown): FieldError[];
}

const keyOf = (type: string, version: number) => `${type}@${version}`;

export function createEventCatalogue(definitions: readonly EventDefinition[]): EventCatalogue {
  registerContractFormats();
  const byKey = new Map<string, EventDefinition>();
  const versionsByType = new Map<string, number[]>();
  const serviceByType = new Map<string, ServiceName>();
  for (const def of definitions) {
    if (!Number.isInteger(def.version) || def.version < 1) {
      throw new Error(`${def.type}: version must be an integer >= 1, got ${def.version}`);
    }
    const key = keyOf(def.type, def.version);
    if (byKey.has(key)) throw new Error(`${def.type} v${def.version} is defined twice`);
    const service = serviceByType.get(def.type);
    if (service !== undefined && service !== def.service) {
      throw new Error(`${def.type} is defined by two services: ${service} and ${def.service}`);
    }
    byKey.set(key, def);
    serviceByType.set(def.type, def.service);
    versionsByType.set(
      def.type,
      [...(versionsByType.get(def.type) ?? []), def.version].sort((a, b) => a - b),
    );
  }

  const compiled = new Map<string, TypeCheck<TObject>>();
  const checkerOf = (def: EventDefinition): TypeCheck<TObject> => {
    const key = keyOf(def.type, def.version);
    let checker = compiled.get(key);
    if (!checker) {
      checker = TypeCompiler.Compile(def.schema);
      compiled.set(key, checker);
    }
    return checker;
  };

  const versionsOf = (type: string): number[] => {
    const versions = versionsByType.get(type);
    if (!versions) throw new UnknownEventError(type);
    return [...versions];
  };
  const serviceOf = (type: string): ServiceName => {
    const service = serviceByType.get(type);
    if (!service) throw new UnknownEventError(type);
    return service;
  };
  const definition = (type: string, version: number): EventDefinition => {
    const def = byKey.get(keyOf(type, version));
    if (!def) throw new UnknownEventError(type, version);
    return def;
  };

  return {
    events: [...definitions],
    types: [...versionsByType.keys()],
    find: (type, version) => byKey.get(keyOf(type, version)),
    definition,
    versionsOf,
    latestVersion: (type) => versionsOf(type).at(-1)!,
    serviceOf,
    topicForEventType: (type) => definition(type, versionsOf(type)[0]).topic,
    validate: (type, version, data) => {
      const checker = checkerOf(definition(type, version));
      if (checker.Check(data)) return [];
      const seen = new Set<string>();
      const errors: FieldError[] = [];
      for (const error of checker.Errors(data)) {
        const key = `${error.path}\u0000${error.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        errors.push({ path: error.path, message: error.message });
      }
      return errors;
    },
  };
}

/** The catalogue of all five services. */
export const catalogue: EventCatalogue = createEventCatalogue([
  ...orderEvents,
  ...logisticsEvents,
  ...refundEvents,
  ...disputeEvents,
  ...reviewEvents,
]);

export const allEvents: readonly EventDefinition[] = catalogue.events;
export const eventDefinition = (type: string, version: number): EventDefinition => catalogue.definition(type, version);
export const topicForEventType = (type: string): string => catalogue.topicForEventType(type);
/** The schema version writers record for a type: its latest registered version. */
export const schemaVersionOf = (type: string): number => catalogue.latestVersion(type);
export const validateEventData = (type: string, version: number, data: unknown): FieldError[] => catalogue.validate(type, version, data);
