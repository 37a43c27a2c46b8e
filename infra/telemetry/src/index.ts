/**
 * @aftersales/telemetry: the kernel's Telemetry port on OpenTelemetry (traces and metrics over OTLP, configured by the
 * standard OTEL_* variables, off when none is set). Only the composition root imports it.
 */
export { OpenTelemetry } from './open-telemetry';
export { startTelemetry, telemetryConfigured, type StartedTelemetry } from './start-telemetry';
export { startInMemoryTracing, type InMemoryTracing, type RecordedSpan } from './in-memory-tracing';
