import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessControlled, ApiRead, ValidQuery } from '@aftersales/nest';
import type { PenaltiesService } from '../application';
import { PENALTIES_ACCESS } from './penalties.access';
import { PenaltyPointsQuery, PenaltyPointsViewSchema } from './penalties.schemas';
import { PENALTIES_SERVICE_TOKEN } from './penalties.tokens';

/** A shop's penalty points (扣分) and the restrictions in force. */
@ApiTags('disputes')
@Controller()
@AccessControlled(PENALTIES_ACCESS)
export class PenaltyPointsController {
  constructor(@Inject(PENALTIES_SERVICE_TOKEN) private readonly penalties: PenaltiesService) {}

  @Get('shops/:shopId/penalty-points')
  @ApiRead({
    summary: "A shop's penalty points in a calendar year: total, restrictions in force, and each violation with its rule, version and the events it was based on",
    response: PenaltyPointsViewSchema,
  })
  async penaltyPoints(@Param('shopId') shopId: string, @ValidQuery(PenaltyPointsQuery) query: PenaltyPointsQuery) {
    return this.penalties.getPenaltyPoints(shopId, query.year);
  }
}
