import { Module, type DynamicModule } from '@nestjs/common';
import { AuditController, COMPENSATION_AUDIT_TOKEN } from '../../audit/http/audit.controller';
import { LEDGER_TOKEN, LedgerController } from '../../ledger/http/ledger.controller';
import type { CompensationService } from '../application';
import { CompensationReactionsController } from './compensation-reactions.controller';
import { CompensationsController } from './compensations.controller';
import { COMPENSATION_SERVICE_TOKEN } from './tokens';

export interface CompensationModuleOptions {
  /** Mount the bus reactions (default true); an HTTP-only replica may leave them out. */
  reactions?: boolean;
}

/** Compensation decisions, the finance ledger and the audit replay: HTTP and bus edge of createCompensationService. */
@Module({})
export class CompensationModule {
  static register(service: CompensationService, options: CompensationModuleOptions = {}): DynamicModule {
    return {
      module: CompensationModule,
      controllers: [
        CompensationsController,
        LedgerController,
        AuditController,
        ...(options.reactions === false ? [] : [CompensationReactionsController]),
      ],
      providers: [
        { provide: COMPENSATION_SERVICE_TOKEN, useValue: service },
        { provide: LEDGER_TOKEN, useValue: service.ledger },
        { provide: COMPENSATION_AUDIT_TOKEN, useValue: service.audit },
      ],
      exports: [COMPENSATION_SERVICE_TOKEN],
    };
  }
}
