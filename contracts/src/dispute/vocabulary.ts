import { Type, type Static } from '@sinclair/typebox';
import { Currency, Money, OneOf, Text } from '../common';

export const DisputeOrigins = ['buyer_complaint', 'refund_escalation', 'review_follow_up', 'agent_initiated'] as const;
export type DisputeOrigin = (typeof DisputeOrigins)[number];

/** Service categories (seed 001) and platform-rule categories (seed 003). */
export const DisputeCategories = [
  'product_quality',
  'service_quality',
  'logistics',
  'not_as_described',
  'counterfeit',
  'late_shipment',
  'breach_of_promise',
  'invoice',
  'other',
] as const;
export type DisputeCategory = (typeof DisputeCategories)[number];
export const DisputeCategorySchema = OneOf(DisputeCategories, 'Complaint category');

export const DisputeParties = ['buyer', 'merchant'] as const;
export type DisputeParty = (typeof DisputeParties)[number];
export const DisputePartySchema = OneOf(DisputeParties, 'Party to the dispute');

export const DisputeSeverities = ['normal', 'major'] as const;

export const RemedyKinds = [
  'refund',
  'partial_refund',
  'return',
  'exchange',
  'repair',
  'reissue',
  'compensation',
  'goodwill_credit',
] as const;
export type RemedyKind = (typeof RemedyKinds)[number];

export const Remedy = Type.Object(
  {
    kind: OneOf(RemedyKinds, 'What the buyer gets'),
    amount: Type.Optional(Money('Money part of the remedy, in minor units, when there is one')),
    currency: Type.Optional(Currency),
    description: Text('The remedy as explained to the buyer', 1000),
  },
  { additionalProperties: false, description: 'A remedy for a justified complaint' },
);
export type Remedy = Static<typeof Remedy>;

/** Violation types that cost a shop penalty points (扣分). */
export const ViolationTypes = [
  'late_shipment',
  'not_as_described',
  'counterfeit',
  'breach_of_promise',
  'invoice_refusal',
  'fake_shipment',
  'prohibited_review_handling',
  'other',
] as const;
export type ViolationType = (typeof ViolationTypes)[number];
export const ViolationTypeSchema = OneOf(ViolationTypes, 'Platform rule the shop broke');

/** Where a case stands (api.md "Disputes and complaints"). */
export const DisputeStatuses = [
  'open',
  'in_progress',
  'awaiting_buyer',
  'remedy_proposed',
  'escalated',
  'arbitration',
  'ruled',
  'appealed',
  'resolved',
  'closed',
] as const;
export type DisputeStatus = (typeof DisputeStatuses)[number];
export const DisputeStatusSchema = (description: string) => OneOf(DisputeStatuses, description);

/** The SLA clocks of a case: each is a durable timer whose deadline events record the rule that set it. */
export const DisputeSlaMetrics = ['first_response', 'resolution', 'evidence', 'awaiting_buyer'] as const;
export type DisputeSlaMetric = (typeof DisputeSlaMetrics)[number];
export const DisputeSlaMetricSchema = OneOf(DisputeSlaMetrics, 'Which deadline of the case');

/** Who speaks in a case: the buyer, the shop's staff, or the platform (小二). */
export const DisputeAuthorParties = ['buyer', 'merchant', 'platform'] as const;
export type DisputeAuthorParty = (typeof DisputeAuthorParties)[number];

export const DisputeRulingOutcomes = ['buyer_wins', 'merchant_wins', 'partial'] as const;
export type DisputeRulingOutcome = (typeof DisputeRulingOutcomes)[number];

export const DisputeEscalationTargets = ['supervisor', 'platform'] as const;
export type DisputeEscalationTarget = (typeof DisputeEscalationTargets)[number];
