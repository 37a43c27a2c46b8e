import type { ChainReport } from '@aftersales/kernel';

/** Injection tokens the runtime provides to the ops controllers. */
export const HEALTH_CHECKS = 'aftersales:HEALTH_CHECKS';
export const TIME_TRAVEL = 'aftersales:TIME_TRAVEL';
export const PROJECTION_ADMIN = 'aftersales:PROJECTION_ADMIN';
export const LOG_AUDIT = 'aftersales:LOG_AUDIT';

/** One dependency of the service; `check` rejects when it is down, and may resolve with figures to show (e.g. lag). */
export interface HealthCheck {
  name: string;
  check(): Promise<void | Record<string, unknown>>;
}

/** Drives the manual clock: `advance` resolves after every timer that fell due has fired and been handled. */
export interface TimeTravel {
  now(): Date;
  advance(ms: number): Promise<{ now: string; firedTimers: number }>;
}

export interface ProjectionRebuild {
  name: string;
  /**
   * Where it was rebuilt from: the local event log, its consumer group's topics (a bus-fed view), or both (a log
   * projection that also applies other services' events from their topics, in Kafka mode).
   */
  source?: 'log' | 'bus' | 'log+bus';
  events: number;
  ms: number;
}

export interface ProjectionAdmin {
  names(): string[];
  rebuild(name: string): Promise<ProjectionRebuild>;
  /** Global position the projection has processed up to, when the store knows it. */
  checkpoint?(name: string): Promise<number>;
}

/** The log's hash chain, verified by POST /admin/audit/log/verify. */
export interface LogAudit {
  verify(): Promise<ChainReport>;
}
