import { Module } from '@nestjs/common';
import { CapabilityModule } from '@aftersales/nest';
import type { Ledger } from '../application';
import { LedgerController } from './ledger.controller';
import { LEDGER_TOKEN } from './ledger.tokens';

/** The finance ledger's edge: GET /ledger/entries (JSON pages or CSV) and GET /ledger/reconciliation. */
@Module({})
export class LedgerModule extends CapabilityModule<Ledger>({ token: LEDGER_TOKEN, controllers: [LedgerController] }) {}
