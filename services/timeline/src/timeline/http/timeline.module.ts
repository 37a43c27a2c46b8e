import { Module, type DynamicModule } from '@nestjs/common';
import type { ReadModelStore } from '@aftersales/kernel';
import { capabilityModule } from '@aftersales/nest';
import { TimelineController } from './timeline.controller';
import { TIMELINE_READ_MODELS } from './timeline.tokens';

/** GET /orders/{orderId}/timeline on the process's read models (fed by the log projection or by the bus). */
@Module({})
export class TimelineModule {
  static register(readModels: ReadModelStore): DynamicModule {
    return capabilityModule(TimelineModule, { token: TIMELINE_READ_MODELS, value: readModels, controllers: [TimelineController] });
  }
}
