import { NOOP_TELEMETRY, useTelemetry, type Telemetry } from '@aftersales/kernel';
import { OpenTelemetry } from './open-telemetry';

export interface StartedTelemetry {
  telemetry: Telemetry;
  /** Exports what is buffered and stops the SDK (a no-op when telemetry is off). */
  shutdown(): Promise<void>;
}

/**
 * Tracing is on when an OTLP endpoint or a traces exporter is configured by the standard variables
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_TRACES_EXPORTER other than `none`) and
 * OTEL_SDK_DISABLED is not `true`. Otherwise the kernel's no-op telemetry stays: no SDK is loaded at all.
 */
export function telemetryConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim()) return true;
  const exporters = env.OTEL_TRACES_EXPORTER?.trim();
  return Boolean(exporters) && exporters !== 'none';
}

/**
 * Starts the OpenTelemetry SDK as the OTEL_* variables configure it (exporters, protocol, endpoint, sampler,
 * resource attributes, batch delays…) and installs it as the process's telemetry; `serviceName` is used when
 * OTEL_SERVICE_NAME is not set. Logs are not exported unless OTEL_LOGS_EXPORTER asks (the platform logs to stdout).
 * Call before the services are built: hot paths ask `telemetry().enabled` when they are built or called.
 */
export async function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): Promise<StartedTelemetry> {
  if (!telemetryConfigured(env)) return { telemetry: NOOP_TELEMETRY, shutdown: async () => undefined };
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  // Loaded only now: a process without telemetry never loads the SDK.
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ serviceName: env.OTEL_SERVICE_NAME?.trim() || serviceName });
  sdk.start();
  const telemetry = new OpenTelemetry();
  useTelemetry(telemetry);
  let stopped: Promise<void> | undefined;
  return {
    telemetry,
    shutdown: () => {
      stopped ??= sdk.shutdown().catch((error: unknown) => console.error('[telemetry] shutdown failed', error));
      return stopped;
    },
  };
}
