import { Module, type DynamicModule } from '@nestjs/common';
import type { LogisticsService } from '../application';
import { LogisticsReactionsController } from './logistics-reactions.controller';
import { LOGISTICS_SERVICE_TOKEN } from './logistics.tokens';
import { ShipmentsController } from './shipments.controller';

export interface LogisticsModuleOptions {
  /** Mount the bus reactions to order and refund events (default true); an HTTP-only replica may leave them out. */
  reactions?: boolean;
}

/** The logistics service's edge: its HTTP controller and bus reactions on a facade built by createLogisticsService. */
@Module({})
export class LogisticsModule {
  static register(service: LogisticsService, options: LogisticsModuleOptions = {}): DynamicModule {
    return {
      module: LogisticsModule,
      controllers: [ShipmentsController, ...(options.reactions === false ? [] : [LogisticsReactionsController])],
      providers: [{ provide: LOGISTICS_SERVICE_TOKEN, useValue: service }],
      exports: [LOGISTICS_SERVICE_TOKEN],
    };
  }
}
