import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { ClockController } from './clock.controller';
import { HealthController } from './health.controller';
import { LogAuditController } from './log-audit.controller';
import { ProjectionsController } from './projections.controller';

export interface OpsModuleOptions {
  /** Mount /admin/clock (AFTERSALES_CLOCK=manual); otherwise those paths are 404. Requires TIME_TRAVEL. */
  manualClock: boolean;
  /** Modules exporting HEALTH_CHECKS, TIME_TRAVEL, PROJECTION_ADMIN, LOG_AUDIT. */
  imports?: ModuleMetadata['imports'];
  /** Or the providers of those tokens directly. */
  providers?: Provider[];
}

export const manualClockFromEnv = (env: NodeJS.ProcessEnv = process.env): boolean => env.AFTERSALES_CLOCK === 'manual';

/** GET /health, /admin/projections, POST /admin/audit/log/verify and (manual clock only) /admin/clock. */
@Module({})
export class OpsModule {
  static register(options: OpsModuleOptions): DynamicModule {
    return {
      module: OpsModule,
      imports: options.imports ?? [],
      providers: options.providers ?? [],
      controllers: [HealthController, ProjectionsController, LogAuditController, ...(options.manualClock ? [ClockController] : [])],
    };
  }
}
