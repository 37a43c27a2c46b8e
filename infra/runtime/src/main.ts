import { configFromEnv } from './config';
import { startEmbedded } from './app';

async function main(): Promise<void> {
  const config = configFromEnv();
  const system = await startEmbedded(config);
  console.log(`after-sales platform listening on ${system.url} (data: ${config.dataDir}, clock: ${config.clock}); API docs at ${system.url}/docs`);
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
