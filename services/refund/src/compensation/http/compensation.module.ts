import { Module, type DynamicModule } from '@nestjs/common';
import type { CompensationService } from '../application';
import { CompensationReactionsController } from './compensation-reactions.controller';
import { CompensationsController } from './compensations.controller';
import { COMPENSATION_SERVICE_TOKEN } from './compensation.tokens';

export interface CompensationModuleOptions {
  /** Mount the bus reactions (default true); an HTTP-only replica may leave them out. */
  reactions?: boolean;
}

/** Compensation decisions: HTTP and bus edge of createCompensationService. */
@Module({})
export class CompensationModule {
  static register(service: CompensationService, options: CompensationModuleOptions = {}): DynamicModule {
    return {
      module: CompensationModule,
      controllers: [CompensationsController, ...(options.reactions === false ? [] : [CompensationReactionsController])],
      providers: [
        { provide: COMPENSATION_SERVICE_TOKEN, useValue: service },
      ],
      exports: [COMPENSATION_SERVICE_TOKEN],
    };
  }
}
