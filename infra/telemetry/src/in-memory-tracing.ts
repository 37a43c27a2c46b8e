import { trace } from '@opentelemetry/api';
import { NOOP_TELEMETRY, useTelemetry } from '@aftersales/kernel';
import { OpenTelemetry } from './open-telemetry';

/** A finished span as a test reads it. */
export interface RecordedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  status: { code: number; message?: string };
}

export interface InMemoryTracing {
  spans(): RecordedSpan[];
  /** The finished span of that name (the first), or a failure naming the spans there are. */
  span(name: string): RecordedSpan;
  reset(): void;
  stop(): Promise<void>;
}

/** For tests: the OpenTelemetry adapter installed, its spans kept in memory (no SDK, no exporter, no network). */
export async function startInMemoryTracing(): Promise<InMemoryTracing> {
  const { node, tracing } = await import('@opentelemetry/sdk-node');
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
  provider.register();
  useTelemetry(new OpenTelemetry());
  const spans = (): RecordedSpan[] =>
    exporter.getFinishedSpans().map((span) => ({
      name: span.name,
      kind: span.kind,
      traceId: span.spanContext().traceId,
      spanId: span.spanContext().spanId,
      ...(span.parentSpanContext ? { parentSpanId: span.parentSpanContext.spanId } : {}),
      attributes: { ...span.attributes },
      status: span.status,
    }));
  return {
    spans,
    span(name) {
      const found = spans().find((span) => span.name === name);
      if (!found) throw new Error(`no finished span '${name}'; there are: ${spans().map((span) => span.name).join(', ') || 'none'}`);
      return found;
    },
    reset: () => exporter.reset(),
    async stop() {
      useTelemetry(NOOP_TELEMETRY);
      await provider.shutdown();
      trace.disable();
    },
  };
}
