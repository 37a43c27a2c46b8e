import { Module } from '@nestjs/common';
import { CapabilityModule, type CapabilityModuleOptions } from '@aftersales/nest';
import type { CaseService } from '../application';
import { CaseReactionsController } from './case-reactions.controller';
import { CasesController } from './cases.controller';
import { CASE_SERVICE_TOKEN } from './cases.tokens';

/** `reactions`: the bus reactions to order and refund events. */
export type CasesModuleOptions = CapabilityModuleOptions;

/** The case capability's edge: its HTTP controllers and bus reactions on the facade built by createCaseService. */
@Module({})
export class CasesModule extends CapabilityModule<CaseService>({
  token: CASE_SERVICE_TOKEN,
  controllers: [CasesController],
  reactions: CaseReactionsController,
}) {}
