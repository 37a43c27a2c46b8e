/*
 * @aftersales/refund: refund requests (refunds/), compensation decisions, payouts, the finance ledger and audit.
 * Names are exported explicitly so the parts of the service never clash.
 */
export {
  makeRefundDecider,
  refundDecider,
  evolveRefund,
  RefundRules,
  RefundStatuses,
  reasonsByType,
  returnShippingPayer,
  noReasonEligibility,
  refundTimerCommandTypes,
  refundPayoutId,
  allowanceDecider,
  allowanceStreamId,
  refundableOf,
  type Refund,
  type RefundState,
  type RefundStatus,
  type RefundCommand,
  type RefundAllowance,
  type AllowanceState,
  type NoReasonEligibility,
} from './refunds/domain';
export { refundTimerPolicy, refundTimerIds, allowanceTimerPolicy, REFUND_SERVICE } from './refunds/policies';
export { refundsProjection, refundView, REFUNDS_COLLECTION, REFUND_ORDER_FACTS, type RefundDocument } from './refunds/projections';
export {
  createRefunds,
  refundStreamId,
  REFUND_CONSUMER_GROUP,
  PLATFORM_RETURNS_DESK,
  type Refunds,
  type RefundsOptions,
  type RefundsDependencies,
  type RequestRefundInput,
  type RefundCommandResult,
  type RefundReactionOutcome,
  type LogisticsPort,
} from './refunds/application';
export { RefundsModule, RefundsController, RefundReactionsController, REFUNDS_TOKEN, RefundViewSchema, RefundsPageSchema, type RefundsModuleOptions } from './refunds/http';
export * from './refund-service';
export * from './refund.module';
export type { PayoutRequest, Payouts } from './payouts/domain';
export {
  createPayoutService,
  PayoutsModule,
  FakePaymentProvider,
  PaymentProviderError,
  PaymentTimeoutError,
  payoutStreamId,
  type PayoutService,
  type PayoutServiceOptions,
  type PayoutsModuleOptions,
  type PayoutView,
  type PaymentProvider,
  type PaymentInstruction,
  type PaymentConfirmation,
  type FakePayment,
  type FakeProviderFaults,
} from './payouts';
export {
  createCompensationService,
  CompensationModule,
  CompensationsPageSchema,
  calculateCompensation,
  lateShipmentCompensationId,
  compensationPayoutId,
  COMPENSATION_GROUP,
  type CompensationService,
  type CompensationServiceDeps,
  type CompensationModuleOptions,
  type CompensationView,
  type ProposeCompensationInput,
} from './compensation';
export { createLedger, ledgerProjection, ledgerCsv, trialBalance, LedgerModule, type Ledger, type JournalEntry, type ReconciliationReport } from './ledger';
export { createCompensationAudit, sourceEventsProjection, AuditModule, type CompensationAudit, type VerificationReport, type WhatIfReport, type Mismatch } from './audit';
export * from './service-definition';
