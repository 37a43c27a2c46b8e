import { Module, type DynamicModule } from '@nestjs/common';
import type { Refunds } from '../application';
import { RefundReactionsController } from './refund-reactions.controller';
import { RefundsController } from './refunds.controller';
import { REFUNDS_TOKEN } from './refunds.tokens';

export interface RefundsModuleOptions {
  /** Mount the bus reactions (default true); an HTTP-only replica may leave them out. */
  reactions?: boolean;
}

/** The refund requests' edge: HTTP controllers and bus reactions on the Refunds facade. */
@Module({})
export class RefundsModule {
  static register(refunds: Refunds, options: RefundsModuleOptions = {}): DynamicModule {
    return {
      module: RefundsModule,
      controllers: [RefundsController, ...(options.reactions === false ? [] : [RefundReactionsController])],
      providers: [{ provide: REFUNDS_TOKEN, useValue: refunds }],
      exports: [REFUNDS_TOKEN],
    };
  }
}
