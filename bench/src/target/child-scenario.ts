import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ChildOutcome<T> {
  result: T;
  /** Peak resident set size of the child, from the kernel. */
  maxRssBytes: number;
}

/**
 * Runs the scenario `exportName` of `modulePath` (relative to bench/dist, e.g. `scenarios/write-scenarios`) in a child
 * process loading BENCH_TARGET's packages (see run-in-target.ts). Its progress lines go to our stdout.
 */
export function inTargetProcess<T>(modulePath: string, exportName: string, options: object, nodeArgs: string[] = []): Promise<ChildOutcome<T>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, join(__dirname, 'run-in-target.js'), modulePath, exportName, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${modulePath}#${exportName} exited with ${code}: ${stderrTail.slice(-1500)}`));
      try {
        resolvePromise(JSON.parse(stdout.trim().split('\n').pop() as string) as ChildOutcome<T>);
      } catch (error) {
        reject(new Error(`${modulePath}#${exportName} printed no result: ${String(error)}`));
      }
    });
  });
}
