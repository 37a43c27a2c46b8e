import { configFromEnv } from './config';
import { startSystem } from './start-system';
import { peersFromEnv, remoteLogistics } from './peers/remote-ports';

async function main(): Promise<void> {
  const config = configFromEnv();
  const logistics = peersFromEnv().get('logistics');
  const system = await startSystem(config, logistics ? { logistics: remoteLogistics(logistics) } : {});
  console.log(
    `after-sales platform (${system.services.join(', ')}) listening on ${system.url} (data: ${config.dataDir}, clock: ${config.clock}, ` +
      `bus: ${config.bus ?? 'embedded'}); API docs at ${system.url}/docs`,
  );
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    system.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('failed to start:', error);
  process.exit(1);
});
