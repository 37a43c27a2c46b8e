import { Module } from '@nestjs/common';
import { CapabilityModule } from '@aftersales/nest';
import type { PenaltiesService } from '../application';
import { PenaltyAuditController } from './penalty-audit.controller';
import { PenaltyPointsController } from './penalty-points.controller';
import { PenaltyReactionsController } from './penalty-reactions.controller';
import { PENALTIES_SERVICE_TOKEN } from './penalties.tokens';

/** Penalty points: GET /shops/{shopId}/penalty-points, POST /admin/audit/penalties/verify, and the bus reactions. */
@Module({})
export class PenaltiesModule extends CapabilityModule<PenaltiesService>({
  token: PENALTIES_SERVICE_TOKEN,
  controllers: [PenaltyPointsController, PenaltyAuditController],
  reactions: PenaltyReactionsController,
}) {}
