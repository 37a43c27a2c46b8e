import type { DomainEventOf, EventDefinition } from '../define-event';
import { PROTECTED_FIELDS, sealedVersionOf } from '../protected-fields';
import { refundAllowanceEvents } from './allowance-events';
import { compensationEvents } from './compensation-events';
import { disputeMoneyEvents } from './dispute-money-events';
import { followUpMoneyEvents } from './follow-up-money-events';
import { refundFulfilmentEvents } from './fulfilment-events';
import { payoutEvents } from './payout-events';
import { refundPaymentAuthorizationEvents } from './payment-authorization-events';
import { RefundCancelledEvent, RefundEscalatedEvent, RefundRequestedEvent, refundRequestEvents } from './request-events';
import { refundReturnEvents } from './return-events';

export * from './vocabulary';
export * from './request-events';
export * from './return-events';
export * from './fulfilment-events';
export * from './compensation-events';
export * from './payout-events';
export * from './payment-authorization-events';
export * from './allowance-events';
export * from './dispute-money-events';
export * from './follow-up-money-events';

/**
 * The refund service's catalogue: `XxxEvent` is the definition of event type Xxx, type `Xxx` its data.
 * The ledger is a read model of RefundPaid, CompensationPaidOut and PayoutSucceeded, so it has no events of its own.
 */
const definitions = [...refundRequestEvents, ...refundReturnEvents, ...refundFulfilmentEvents, ...compensationEvents, ...payoutEvents,
  ...refundPaymentAuthorizationEvents, ...refundAllowanceEvents, ...disputeMoneyEvents, ...followUpMoneyEvents];

/** Versions whose buyer personal data fields may be sealed (see PROTECTED_FIELDS); writers use them. */
export const RefundRequestedEventV2 = sealedVersionOf(RefundRequestedEvent, PROTECTED_FIELDS.RefundRequested);
export const RefundCancelledEventV2 = sealedVersionOf(RefundCancelledEvent, PROTECTED_FIELDS.RefundCancelled);
export const RefundEscalatedEventV2 = sealedVersionOf(RefundEscalatedEvent, PROTECTED_FIELDS.RefundEscalated);

/** Every refund event definition, in catalogue order (a type's versions in order). */
export const refundEvents: EventDefinition[] = [...definitions, RefundRequestedEventV2, RefundCancelledEventV2, RefundEscalatedEventV2];

/** `{ type, data }` of every refund-service event (refund requests and compensations). */
export type RefundEvent = DomainEventOf<(typeof definitions)[number]>;
export type RefundEventType = RefundEvent['type'];
/** The data of one refund event type. */
export type RefundEventData<T extends RefundEventType> = Extract<RefundEvent, { type: T }>['data'];
