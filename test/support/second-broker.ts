import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './child-process-system';

const REPO = join(__dirname, '..', '..');
const SCRIPT = join(REPO, 'infra', 'kafka', 'scripts', 'kafka-broker.sh');

export interface SecondBroker {
  brokers: string[];
  start(): Promise<string>;
  stop(): Promise<string>;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
}

/**
 * A broker of its own for a test that stops and starts it: the repo's broker script on free ports and a temporary
 * data folder (the jars are shared with the main broker's), so the broker other suites use is never disturbed.
 */
export async function startSecondBroker(): Promise<SecondBroker> {
  const tools = mkdtempSync(join(tmpdir(), 'aftersales-kafka-'));
  const jars = join(REPO, '.tools', 'kafka', 'lib');
  if (existsSync(jars)) symlinkSync(jars, join(tools, 'lib'));
  const port = await freePort();
  const env = { ...process.env, KAFKA_TOOLS_DIR: tools, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(await freePort()) };
  const run = (command: string) =>
    new Promise<string>((resolve, reject) => {
      execFile('bash', [SCRIPT, command], { env, timeout: 180_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`kafka-broker.sh ${command} failed: ${error.message}\n${stdout}${stderr}`));
        else resolve(stdout + stderr);
      });
    });
  await run('start');
  return {
    brokers: [`127.0.0.1:${port}`],
    start: () => run('start'),
    stop: () => run('stop'),
    dispose: async () => {
      await run('stop');
      rmSync(tools, { recursive: true, force: true });
    },
  };
}
