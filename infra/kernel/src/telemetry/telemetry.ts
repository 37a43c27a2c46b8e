import type { TraceContext } from '@aftersales/contracts';

/** OpenTelemetry's span kinds, by name. */
export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: SpanAttributes;
  /** The parent when no span is active here (a `traceparent` from a header or an event); the active span wins. */
  parent?: TraceContext;
  /** The parent even when a span is active (a consumer continues the producer's trace, not the poll loop's). */
  forceParent?: boolean;
  /** Other trace contexts this span follows from (e.g. the envelope's, when a header gave the parent). */
  links?: readonly TraceContext[];
}

/** A started span. Ends once; `activate` makes it the parent of spans started inside `fn` (async work included). */
export interface TelemetrySpan {
  /** This span's W3C trace context: what an event or a message carries on. */
  trace(): TraceContext;
  setName(name: string): void;
  setAttributes(attributes: SpanAttributes): void;
  fail(error: unknown): void;
  activate<T>(fn: () => T): T;
  /**
   * Makes this span the active one in every listener later added to `emitter` (an HTTP request whose body arrives
   * after the middleware returned: its `data`/`end` listeners would otherwise run outside the span).
   */
  bind<T extends object>(emitter: T): T;
  end(): void;
}

export interface Observation {
  value: number;
  attributes?: SpanAttributes;
}

export interface MetricOptions {
  description: string;
  unit: string;
}

export interface Histogram {
  record(value: number, attributes?: SpanAttributes): void;
}

/**
 * The telemetry port: traces and metrics, as far as our code needs them. The composition root installs an adapter
 * (OpenTelemetry, in infra/telemetry) with `useTelemetry`; until then, and whenever it is not configured, every call is
 * a no-op and `enabled` is false, so call sites on hot paths test `enabled` before building names or attributes.
 */
export interface Telemetry {
  readonly enabled: boolean;
  startSpan(name: string, options?: SpanOptions): TelemetrySpan;
  /** The trace context of the active span, undefined when none is active. */
  activeTrace(): TraceContext | undefined;
  histogram(name: string, options: MetricOptions): Histogram;
  /** A gauge read when metrics are collected: `observe` answers the current values. */
  gauge(name: string, options: MetricOptions, observe: () => Promise<readonly Observation[]>): void;
}

const NO_TRACE = Object.freeze({ traceparent: '00-00000000000000000000000000000000-0000000000000000-00' });

const NOOP_SPAN: TelemetrySpan = {
  trace: () => NO_TRACE,
  setName: () => undefined,
  setAttributes: () => undefined,
  fail: () => undefined,
  activate: (fn) => fn(),
  bind: (emitter) => emitter,
  end: () => undefined,
};

export const NOOP_TELEMETRY: Telemetry = {
  enabled: false,
  startSpan: () => NOOP_SPAN,
  activeTrace: () => undefined,
  histogram: () => ({ record: () => undefined }),
  gauge: () => undefined,
};

let installed: Telemetry = NOOP_TELEMETRY;

/** The process's telemetry (the no-op one until the composition root installs another). */
export const telemetry = (): Telemetry => installed;

/** Installs the process's telemetry; returns the previous one. */
export function useTelemetry(next: Telemetry): Telemetry {
  const previous = installed;
  installed = next;
  return previous;
}

/**
 * Runs `fn` in a span that is active for everything it starts, and ends the span when `fn` settles (a throw or a
 * rejection marks it failed). With telemetry off it just runs `fn`.
 */
export async function inSpan<T>(name: string, options: SpanOptions, fn: (span: TelemetrySpan) => Promise<T>): Promise<T> {
  const current = installed;
  if (!current.enabled) return fn(NOOP_SPAN);
  const span = current.startSpan(name, options);
  try {
    return await span.activate(() => fn(span));
  } catch (error) {
    span.fail(error);
    throw error;
  } finally {
    span.end();
  }
}
