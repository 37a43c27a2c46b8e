import { Module, type DynamicModule } from '@nestjs/common';
import { capabilityModule } from '@aftersales/nest';
import type { Ledger } from '../application';
import { LedgerController } from './ledger.controller';
import { LEDGER_TOKEN } from './ledger.tokens';

/** The finance ledger's edge: GET /ledger/entries (JSON pages or CSV) and GET /ledger/reconciliation. */
@Module({})
export class LedgerModule {
  static register(ledger: Ledger): DynamicModule {
    return capabilityModule(LedgerModule, { token: LEDGER_TOKEN, value: ledger, controllers: [LedgerController] });
  }
}
