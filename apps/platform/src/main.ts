import { startTelemetry } from '@aftersales/telemetry';
import { configFromEnv } from './config';
import { startSystem } from './start-system';
import { peersFromEnv, remoteLogistics } from './peers/remote-ports';
import { exitOnShutdownSignals, runMain } from './process-lifecycle';

async function main(): Promise<void> {
  const config = configFromEnv();
  // First: the services ask whether tracing is on as they are built (OTEL_* variables; off when none is set).
  const tracing = await startTelemetry(`aftersales-${config.services?.join('+') ?? 'platform'}`);
  const logistics = peersFromEnv().get('logistics');
  const system = await startSystem(config, logistics ? { logistics: remoteLogistics(logistics, config.serviceKey) } : {});
  console.log(
    `after-sales platform (${system.services.join(', ')}) listening on ${system.url} (data: ${config.dataDir}, clock: ${config.clock}, ` +
      `bus: ${config.bus ?? 'embedded'}, auth: ${system.auth.mode}); API docs at ${system.url}/docs`,
  );
  if (system.auth.secretFile) console.log(howToMintToken(system.auth.secretFile, Boolean(system.auth.createdSecret), system.url));
  exitOnShutdownSignals('shutting down', () => system.close().finally(() => tracing.shutdown()));
}

function howToMintToken(secretFile: string, created: boolean, url: string): string {
  return [
    `No AFTERSALES_AUTH_JWKS_URL or AFTERSALES_AUTH_SECRET: tokens are HS256 with the secret ${created ? 'just generated into' : 'kept in'} ${secretFile}.`,
    'Mint one (same data directory) and call the API with it:',
    '  TOKEN=$(pnpm -s token --role buyer --sub buyer-1)',
    `  curl -H "Authorization: Bearer $TOKEN" ${url}/orders?buyerId=buyer-1`,
  ].join('\n');
}

runMain(main);
