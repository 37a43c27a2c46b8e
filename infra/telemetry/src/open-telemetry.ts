import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  metrics,
  ROOT_CONTEXT,
  SpanKind as OtelSpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Histogram as OtelHistogram,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { TraceContext } from '@aftersales/contracts';
import type { Histogram, MetricOptions, Observation, SpanAttributes, SpanKind, SpanOptions, Telemetry, TelemetrySpan } from '@aftersales/kernel';

const KINDS: Record<SpanKind, OtelSpanKind> = {
  internal: OtelSpanKind.INTERNAL,
  server: OtelSpanKind.SERVER,
  client: OtelSpanKind.CLIENT,
  producer: OtelSpanKind.PRODUCER,
  consumer: OtelSpanKind.CONSUMER,
};

/** Our trace contexts are W3C trace context whatever propagators the SDK was configured with. */
const w3c = new W3CTraceContextPropagator();

const contextOf = (trace: TraceContext): Context => w3c.extract(ROOT_CONTEXT, trace, defaultTextMapGetter);

/** Drops undefined values: OpenTelemetry attributes have none. */
function attributesOf(attributes: SpanAttributes | undefined): Attributes | undefined {
  if (!attributes) return undefined;
  const defined: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) defined[key] = value;
  return defined;
}

class OtelSpan implements TelemetrySpan {
  private traced?: TraceContext;

  constructor(
    private readonly span: Span,
    private readonly parent: Context,
  ) {}

  trace(): TraceContext {
    if (this.traced) return this.traced;
    const carrier: { traceparent?: string; tracestate?: string } = {};
    w3c.inject(trace.setSpan(ROOT_CONTEXT, this.span), carrier, defaultTextMapSetter);
    this.traced = carrier.tracestate ? { traceparent: carrier.traceparent!, tracestate: carrier.tracestate } : { traceparent: carrier.traceparent! };
    return this.traced;
  }

  setName(name: string): void {
    this.span.updateName(name);
  }

  setAttributes(attributes: SpanAttributes): void {
    this.span.setAttributes(attributesOf(attributes)!);
  }

  fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error) this.span.recordException(error);
    this.span.setStatus({ code: SpanStatusCode.ERROR, message });
  }

  activate<T>(fn: () => T): T {
    return context.with(trace.setSpan(this.parent, this.span), fn);
  }

  bind<T extends object>(emitter: T): T {
    return context.bind(trace.setSpan(this.parent, this.span), emitter);
  }

  end(): void {
    this.span.end();
  }
}

/** The kernel's Telemetry port on the OpenTelemetry API (the SDK behind it is started by `startTelemetry`). */
export class OpenTelemetry implements Telemetry {
  readonly enabled = true;
  private readonly tracer = trace.getTracer('aftersales');
  private readonly meter = metrics.getMeter('aftersales');
  private readonly histograms = new Map<string, Histogram>();

  startSpan(name: string, options: SpanOptions = {}): TelemetrySpan {
    const active = context.active();
    const useGiven = options.parent !== undefined && (options.forceParent || trace.getSpan(active) === undefined);
    const parent = useGiven ? contextOf(options.parent!) : active;
    const links: Link[] = [];
    for (const linked of options.links ?? []) {
      const spanContext = trace.getSpanContext(contextOf(linked));
      if (spanContext) links.push({ context: spanContext });
    }
    const span = this.tracer.startSpan(name, { kind: KINDS[options.kind ?? 'internal'], attributes: attributesOf(options.attributes), links }, parent);
    return new OtelSpan(span, parent);
  }

  activeTrace(): TraceContext | undefined {
    const span = trace.getSpan(context.active());
    return span ? new OtelSpan(span, ROOT_CONTEXT).trace() : undefined;
  }

  histogram(name: string, options: MetricOptions): Histogram {
    let histogram = this.histograms.get(name);
    if (!histogram) {
      const instrument: OtelHistogram = this.meter.createHistogram(name, options);
      histogram = { record: (value, attributes) => instrument.record(value, attributesOf(attributes)) };
      this.histograms.set(name, histogram);
    }
    return histogram;
  }

  gauge(name: string, options: MetricOptions, observe: () => Promise<readonly Observation[]>): void {
    this.meter.createObservableGauge(name, options).addCallback(async (result) => {
      for (const { value, attributes } of await observe()) result.observe(value, attributesOf(attributes));
    });
  }
}
