import { Module } from '@nestjs/common';
import { CapabilityModule, type CapabilityModuleOptions } from '@aftersales/nest';
import type { Refunds } from '../application';
import { RefundReactionsController } from './refund-reactions.controller';
import { RefundsController } from './refunds.controller';
import { REFUNDS_TOKEN } from './refunds.tokens';

export type RefundsModuleOptions = CapabilityModuleOptions;

/** The refund requests' edge: HTTP controllers and bus reactions on the Refunds facade. */
@Module({})
export class RefundsModule extends CapabilityModule<Refunds>({
  token: REFUNDS_TOKEN,
  controllers: [RefundsController],
  reactions: RefundReactionsController,
}) {}
