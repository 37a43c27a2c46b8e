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
  refundTimerPolicy,
  refundTimerIds,
  refundTimerCommandTypes,
  refundPayoutId,
  allowanceDecider,
  allowanceStreamId,
  allowanceTimerPolicy,
  refundableOf,
  REFUND_SERVICE,
  type Refund,
  type RefundState,
  type RefundStatus,
  type RefundCommand,
  type RefundAllowance,
  type AllowanceState,
  type NoReasonEligibility,
} from './refunds/domain';
export {
  createRefunds,
  refundsProjection,
  refundView,
  refundStreamId,
  REFUNDS_COLLECTION,
  REFUND_ORDER_FACTS,
  REFUND_CONSUMER_GROUP,
  PLATFORM_RETURNS_DESK,
  type Refunds,
  type RefundsOptions,
  type RefundsDependencies,
  type RequestRefundInput,
  type RefundCommandResult,
  type RefundReactionOutcome,
  type RefundDocument,
  type LogisticsPort,
} from './refunds/application';
export { RefundsController, RefundReactionsController, REFUNDS_TOKEN, RefundViewSchema } from './http';
export * from './refund-service';
export * from './refund.module';
export type { PayoutRequest, Payouts } from './payouts/payout-port';
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
export { createLedger, ledgerProjection, ledgerCsv, trialBalance, type Ledger, type JournalEntry, type ReconciliationReport } from './ledger';
export { createCompensationAudit, sourceEventsProjection, type CompensationAudit, type VerificationReport, type WhatIfReport, type Mismatch } from './audit';
export * from './service-definition';
