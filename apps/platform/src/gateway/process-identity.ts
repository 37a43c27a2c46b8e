import type { ServiceProcess } from './process-client';

export interface ProcessHealth {
  status: string;
  checks?: Record<string, unknown> & { process?: { details?: { pid?: number; services?: string[] } } };
}

/**
 * Why the answer on a process's port is not from the process its supervisor started (another process that took the
 * port), or undefined. Without it the gateway would count a stranger healthy and route to it.
 */
export function strangerOnPort(process: Pick<ServiceProcess, 'name' | 'url' | 'pid'>, health: ProcessHealth | undefined): string | undefined {
  if (process.pid === undefined) return undefined;
  const answered = health?.checks?.process?.details;
  if (answered?.pid === process.pid) return undefined;
  const who = answered?.pid === undefined ? 'a process that does not say who it is' : `pid ${answered.pid} (${(answered.services ?? []).join('+')})`;
  return `${process.url} answers as ${who}, not as ${process.name} (pid ${process.pid}): still starting, or another process holds the port`;
}
