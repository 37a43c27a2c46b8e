import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { ChainReport } from '@aftersales/kernel';
import { AccessControlled } from '../auth/access-table';
import { LOG_AUDIT_ACCESS } from './ops.access';
import { LOG_AUDIT, type LogAudit } from './tokens';

@Controller('admin/audit/log')
@AccessControlled(LOG_AUDIT_ACCESS)
export class LogAuditController {
  constructor(@Inject(LOG_AUDIT) private readonly audit: LogAudit) {}

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: "Recompute the event log's hash chain and report the first event that does not match it (edited, removed or reordered after it was written)",
  })
  verify(): Promise<ChainReport> {
    return this.audit.verify();
  }
}
