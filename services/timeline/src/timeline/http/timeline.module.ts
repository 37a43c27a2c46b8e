import { Module } from '@nestjs/common';
import { CapabilityModule } from '@aftersales/nest';
import type { TimelineQueries } from '../application/timeline.queries';
import { TimelineController } from './timeline.controller';
import { TIMELINE_QUERIES } from './timeline.tokens';

/** GET /orders/{orderId}/timeline on the process's read models (fed by the log projection or by the bus). */
@Module({})
export class TimelineModule extends CapabilityModule<TimelineQueries>({ token: TIMELINE_QUERIES, controllers: [TimelineController] }) {}
