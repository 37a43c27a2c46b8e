import { Module } from '@nestjs/common';
import { CapabilityModule, type CapabilityModuleOptions } from '@aftersales/nest';
import type { LogisticsService } from '../application';
import { LogisticsReactionsController } from './shipment-reactions.controller';
import { LOGISTICS_SERVICE_TOKEN } from './shipments.tokens';
import { ShipmentsController } from './shipments.controller';

/** `reactions`: the bus reactions to order and refund events. */
export type LogisticsModuleOptions = CapabilityModuleOptions;

/** The logistics service's edge: its HTTP controller and bus reactions on a facade built by createLogisticsService. */
@Module({})
export class LogisticsModule extends CapabilityModule<LogisticsService>({
  token: LOGISTICS_SERVICE_TOKEN,
  controllers: [ShipmentsController],
  reactions: LogisticsReactionsController,
}) {}
