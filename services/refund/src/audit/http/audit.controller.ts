import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessControlled, ValidBody } from '@aftersales/nest';
import type { CompensationAudit } from '../application/compensation-audit';
import { VerifyBody, WhatIfBody } from './audit.schemas';
import { COMPENSATION_AUDIT_TOKEN } from './audit.tokens';
import { AUDIT_ACCESS } from './audit.access';

/** Audit replay of compensation decisions from the log. Reads only. */
@ApiTags('operations')
@Controller('admin/audit/compensations')
@AccessControlled(AUDIT_ACCESS)
export class AuditController {
  constructor(@Inject(COMPENSATION_AUDIT_TOKEN) private readonly audit: CompensationAudit) {}

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute every compensation decision with the rulebook version it recorded: {checked, mismatches}' })
  async verify(@ValidBody(VerifyBody) body: VerifyBody) {
    return this.audit.verify(body);
  }

  @Post('what-if')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay a period’s decisions with another rulebook version and report how totals would change; writes nothing' })
  async whatIf(@ValidBody(WhatIfBody) body: WhatIfBody) {
    const { rulebookVersion, ...period } = body;
    return this.audit.whatIf(rulebookVersion, period);
  }
}
