import { Module } from '@nestjs/common';
import { CapabilityModule } from '@aftersales/nest';
import type { CompensationAudit } from '../application';
import { AuditController } from './audit.controller';
import { COMPENSATION_AUDIT_TOKEN } from './audit.tokens';

/** The audit replay's edge: POST /admin/audit/compensations/verify and /what-if. Reads only. */
@Module({})
export class AuditModule extends CapabilityModule<CompensationAudit>({ token: COMPENSATION_AUDIT_TOKEN, controllers: [AuditController] }) {}
