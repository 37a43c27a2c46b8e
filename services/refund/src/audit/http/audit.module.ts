import { Module, type DynamicModule } from '@nestjs/common';
import { capabilityModule } from '@aftersales/nest';
import type { CompensationAudit } from '../application';
import { AuditController } from './audit.controller';
import { COMPENSATION_AUDIT_TOKEN } from './audit.tokens';

/** The audit replay's edge: POST /admin/audit/compensations/verify and /what-if. Reads only. */
@Module({})
export class AuditModule {
  static register(audit: CompensationAudit): DynamicModule {
    return capabilityModule(AuditModule, { token: COMPENSATION_AUDIT_TOKEN, value: audit, controllers: [AuditController] });
  }
}
