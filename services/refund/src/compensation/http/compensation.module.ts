import { Module } from '@nestjs/common';
import { CapabilityModule, type CapabilityModuleOptions } from '@aftersales/nest';
import type { CompensationService } from '../application';
import { CompensationReactionsController } from './compensation-reactions.controller';
import { CompensationsController } from './compensations.controller';
import { COMPENSATION_SERVICE_TOKEN } from './compensation.tokens';

export type CompensationModuleOptions = CapabilityModuleOptions;

/** Compensation decisions: HTTP and bus edge of createCompensationService. */
@Module({})
export class CompensationModule extends CapabilityModule<CompensationService>({
  token: COMPENSATION_SERVICE_TOKEN,
  controllers: [CompensationsController],
  reactions: CompensationReactionsController,
}) {}
