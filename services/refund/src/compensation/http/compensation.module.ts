import { Module, type DynamicModule } from '@nestjs/common';
import { capabilityModule, reactionsUnlessOff, type CapabilityModuleOptions } from '@aftersales/nest';
import type { CompensationService } from '../application';
import { CompensationReactionsController } from './compensation-reactions.controller';
import { CompensationsController } from './compensations.controller';
import { COMPENSATION_SERVICE_TOKEN } from './compensation.tokens';

export type CompensationModuleOptions = CapabilityModuleOptions;

/** Compensation decisions: HTTP and bus edge of createCompensationService. */
@Module({})
export class CompensationModule {
  static register(service: CompensationService, options: CompensationModuleOptions = {}): DynamicModule {
    return capabilityModule(CompensationModule, {
      token: COMPENSATION_SERVICE_TOKEN,
      value: service,
      controllers: [CompensationsController, ...reactionsUnlessOff(options, CompensationReactionsController)],
    });
  }
}
