import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessControlled } from '@aftersales/nest';
import type { PenaltiesService } from '../application';
import { PENALTY_AUDIT_ACCESS } from './penalties.access';
import { PENALTIES_SERVICE_TOKEN } from './penalties.tokens';

/** The decision audit of penalty points: every assessment recomputed from the log. Reads only. */
@ApiTags('operations')
@Controller('admin/audit/penalties')
@AccessControlled(PENALTY_AUDIT_ACCESS)
export class PenaltyAuditController {
  constructor(@Inject(PENALTIES_SERVICE_TOKEN) private readonly penalties: PenaltiesService) {}

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute every penalty assessment and restriction with the rulebook version it recorded: {checked, mismatches}' })
  async verify() {
    return this.penalties.audit.verify();
  }
}
