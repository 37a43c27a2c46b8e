import { startTelemetry } from '@aftersales/telemetry';
import { announceHeadersMode, createAuthenticator } from '@aftersales/nest';
import { resolveAuth } from './auth/data-dir-secret';
import { configFromEnv } from './config';
import { Gateway } from './gateway/gateway-server';
import type { ServiceProcess } from './gateway/process-client';
import { RouteTable } from './gateway/routes';
import { exitOnShutdownSignals, runMain } from './process-lifecycle';
import { SERVICE_CATALOG } from './service-catalog';

/**
 * The gateway alone, in front of service processes run by something else (docker-compose, an orchestrator), where
 * `pnpm start:kafka` would supervise them itself. AFTERSALES_GATEWAY_ROUTES lists them as `<services>=<url>`, the
 * services of a process joined by `+`: `order+timeline=http://order:3000,logistics=http://logistics:3000`.
 * Otherwise configured as main.js (PORT, HOST, the auth settings, AFTERSALES_SERVICE_KEY for the operations fan-out).
 */
export function gatewayProcessesFromEnv(value: string | undefined, serviceKey: string | undefined): ServiceProcess[] {
  const processes = (value ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0 || !URL.canParse(pair.slice(at + 1))) throw new Error(`AFTERSALES_GATEWAY_ROUTES: '${pair}' is not <services>=<url>`);
      const services = pair.slice(0, at).split('+');
      return { name: services[0], services, url: pair.slice(at + 1).replace(/\/$/, ''), ...(serviceKey ? { serviceKey } : {}) };
    });
  if (processes.length === 0) throw new Error('AFTERSALES_GATEWAY_ROUTES is empty: name the service processes, e.g. order+timeline=http://order:3000');
  return processes;
}

async function main(): Promise<void> {
  const tracing = await startTelemetry('aftersales-gateway');
  const config = configFromEnv();
  const processes = gatewayProcessesFromEnv(process.env.AFTERSALES_GATEWAY_ROUTES, config.serviceKey);
  const auth = resolveAuth(config.auth, config.dataDir);
  if (auth.settings.mode === 'headers') announceHeadersMode();
  const gateway = new Gateway({
    routes: new RouteTable(SERVICE_CATALOG),
    authenticator: createAuthenticator(auth.settings, { host: config.host }),
    processes: () => processes,
    consistentReads: process.env.AFTERSALES_GATEWAY_CONSISTENT_READS === '1',
    log: (line) => console.warn(line),
  });
  const url = await gateway.listen(config.port, config.host);
  console.log(`after-sales gateway listening on ${url}; processes: ${processes.map((p) => `${p.services.join('+')} ${p.url}`).join(', ')}`);
  exitOnShutdownSignals('shutting down the gateway', () => gateway.close().finally(() => tracing.shutdown()));
}

if (require.main === module) runMain(main);
