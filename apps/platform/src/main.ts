import { configFromEnv } from './config';
import { startSystem } from './start-system';
import { peersFromEnv, remoteLogistics } from './peers/remote-ports';
import { exitOnShutdownSignals, runMain } from './process-lifecycle';

async function main(): Promise<void> {
  const config = configFromEnv();
  const logistics = peersFromEnv().get('logistics');
  const system = await startSystem(config, logistics ? { logistics: remoteLogistics(logistics) } : {});
  console.log(
    `after-sales platform (${system.services.join(', ')}) listening on ${system.url} (data: ${config.dataDir}, clock: ${config.clock}, ` +
      `bus: ${config.bus ?? 'embedded'}); API docs at ${system.url}/docs`,
  );
  exitOnShutdownSignals('shutting down', () => system.close());
}

runMain(main);
