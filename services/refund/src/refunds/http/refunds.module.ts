import { Module, type DynamicModule } from '@nestjs/common';
import { capabilityModule, reactionsUnlessOff, type CapabilityModuleOptions } from '@aftersales/nest';
import type { Refunds } from '../application';
import { RefundReactionsController } from './refund-reactions.controller';
import { RefundsController } from './refunds.controller';
import { REFUNDS_TOKEN } from './refunds.tokens';

export type RefundsModuleOptions = CapabilityModuleOptions;

/** The refund requests' edge: HTTP controllers and bus reactions on the Refunds facade. */
@Module({})
export class RefundsModule {
  static register(refunds: Refunds, options: RefundsModuleOptions = {}): DynamicModule {
    return capabilityModule(RefundsModule, {
      token: REFUNDS_TOKEN,
      value: refunds,
      controllers: [RefundsController, ...reactionsUnlessOff(options, RefundReactionsController)],
    });
  }
}
