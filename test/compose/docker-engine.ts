import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Whether a Docker engine answers its ping at DOCKER_HOST, or at the usual sockets: the reason it does not, else
 * undefined. Checked in a child process so a test file can decide at load time, before its hooks run.
 */
export function whyNoDockerEngine(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const hosts = env.DOCKER_HOST
    ? [env.DOCKER_HOST]
    : ['/var/run/docker.sock', join(homedir(), '.docker/run/docker.sock')].filter((path) => existsSync(path)).map((path) => `unix://${path}`);
  if (hosts.length === 0) return 'no Docker engine (no DOCKER_HOST, no docker.sock)';
  const answering = hosts.find((host) => {
    const url = host.startsWith('unix://') ? undefined : new URL(host.replace(/^tcp:/, 'http:'));
    const target = url ? { host: url.hostname, port: Number(url.port || 2375) } : { socketPath: host.slice('unix://'.length) };
    const ping =
      `require('node:http').get({ ...${JSON.stringify(target)}, path: '/_ping', timeout: 2000 }, ` +
      `(res) => process.exit(res.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1)).on('timeout', () => process.exit(1));`;
    try {
      execFileSync(process.execPath, ['-e', ping], { stdio: 'ignore', timeout: 5000 });
      return true;
    } catch {
      return false;
    }
  });
  return answering ? undefined : `no Docker engine answers at ${hosts.join(', ')}`;
}
