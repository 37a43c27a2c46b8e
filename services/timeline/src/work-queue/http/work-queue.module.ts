import { Module } from '@nestjs/common';
import { CapabilityModule } from '@aftersales/nest';
import type { WorkQueueQueries } from '../application/work-queue.queries';
import { WorkQueueController } from './work-queue.controller';
import { WORK_QUEUE_QUERIES } from './work-queue.tokens';

/** GET /work-queue on the process's read models (fed by the log projection or by the bus). */
@Module({})
export class WorkQueueModule extends CapabilityModule<WorkQueueQueries>({ token: WORK_QUEUE_QUERIES, controllers: [WorkQueueController] }) {}
