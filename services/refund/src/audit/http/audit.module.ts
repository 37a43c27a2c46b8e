import { Module, type DynamicModule } from '@nestjs/common';
import type { CompensationAudit } from '../application';
import { AuditController } from './audit.controller';
import { COMPENSATION_AUDIT_TOKEN } from './audit.tokens';

/** The audit replay's edge: POST /admin/audit/compensations/verify and /what-if. Reads only. */
@Module({})
export class AuditModule {
  static register(audit: CompensationAudit): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [{ provide: COMPENSATION_AUDIT_TOKEN, useValue: audit }],
      exports: [COMPENSATION_AUDIT_TOKEN],
    };
  }
}
