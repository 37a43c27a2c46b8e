import { AccessControlled } from '../auth/access-table';
import { HEALTH_ACCESS } from './ops.access';
import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { HttpResponseLike } from '../http/http-types';
import { HEALTH_CHECKS, type HealthCheck } from './tokens';

export interface CheckOutcome {
  status: 'ok' | 'down';
  ms: number;
  error?: string;
  /** What a passing check reported, e.g. the bus' consumer lag. */
  details?: Record<string, unknown>;
}

export interface HealthReport {
  status: 'ok' | 'down';
  checks: Record<string, CheckOutcome>;
}

/** A check that has not answered in this time counts as down: a hung dependency must not hang /health. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

@Controller('health')
@AccessControlled(HEALTH_ACCESS)
export class HealthController {
  constructor(@Optional() @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[] | null) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and dependencies; 503 when one is down' })
  @ApiResponse({ status: 200, description: 'Every dependency answers' })
  @ApiResponse({ status: 503, description: 'At least one dependency is down' })
  async health(@Res({ passthrough: true }) res: HttpResponseLike): Promise<HealthReport> {
    const outcomes = await Promise.all((this.checks ?? []).map(runCheck));
    const checks = Object.fromEntries(outcomes);
    const status = outcomes.every(([, outcome]) => outcome.status === 'ok') ? 'ok' : 'down';
    res.status(status === 'ok' ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return { status, checks };
  }
}

async function runCheck(check: HealthCheck): Promise<[string, CheckOutcome]> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_CHECK_TIMEOUT_MS} ms`)), HEALTH_CHECK_TIMEOUT_MS);
  });
  try {
    const details = await Promise.race([check.check(), timeout]);
    return [check.name, { status: 'ok', ms: Date.now() - started, ...(details ? { details } : {}) }];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [check.name, { status: 'down', ms: Date.now() - started, error: message }];
  } finally {
    clearTimeout(timer);
  }
}
