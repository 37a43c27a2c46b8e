import { Module, type DynamicModule } from '@nestjs/common';
import { capabilityModule, reactionsUnlessOff, type CapabilityModuleOptions } from '@aftersales/nest';
import type { LogisticsService } from '../application';
import { LogisticsReactionsController } from './logistics-reactions.controller';
import { LOGISTICS_SERVICE_TOKEN } from './logistics.tokens';
import { ShipmentsController } from './shipments.controller';

/** `reactions`: the bus reactions to order and refund events. */
export type LogisticsModuleOptions = CapabilityModuleOptions;

/** The logistics service's edge: its HTTP controller and bus reactions on a facade built by createLogisticsService. */
@Module({})
export class LogisticsModule {
  static register(service: LogisticsService, options: LogisticsModuleOptions = {}): DynamicModule {
    return capabilityModule(LogisticsModule, {
      token: LOGISTICS_SERVICE_TOKEN,
      value: service,
      controllers: [ShipmentsController, ...reactionsUnlessOff(options, LogisticsReactionsController)],
    });
  }
}
