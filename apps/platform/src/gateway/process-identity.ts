import type { ServiceProcess } from './process-client';

export interface ProcessHealth {
  status: string;
  checks?: Record<string, unknown> & { process?: { details?: { instance?: string; services?: string[] } } };
}

/**
 * Why the answer on a process's port is not from the start of the process its supervisor made (a process that took the
 * port: left over from an earlier system, or another's), or undefined. Without it the gateway would count a stranger
 * healthy and route to it.
 */
export function strangerOnPort(process: Pick<ServiceProcess, 'name' | 'url' | 'instance'>, health: ProcessHealth | undefined): string | undefined {
  if (process.instance === undefined) return undefined;
  const answered = health?.checks?.process?.details;
  if (answered?.instance === process.instance) return undefined;
  const who = answered === undefined ? 'a process that does not say who it is' : `another process (${(answered.services ?? []).join('+') || 'no services'})`;
  return `${process.url} answers as ${who}, not as the ${process.name} process its supervisor started: still starting, or another process holds the port`;
}
