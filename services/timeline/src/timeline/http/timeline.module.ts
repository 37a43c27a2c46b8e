import { Module } from '@nestjs/common';
import type { ReadModelStore } from '@aftersales/kernel';
import { CapabilityModule } from '@aftersales/nest';
import { TimelineController } from './timeline.controller';
import { TIMELINE_READ_MODELS } from './timeline.tokens';

/** GET /orders/{orderId}/timeline on the process's read models (fed by the log projection or by the bus). */
@Module({})
export class TimelineModule extends CapabilityModule<ReadModelStore>({ token: TIMELINE_READ_MODELS, controllers: [TimelineController] }) {}
