import { currentRulebook } from '@aftersales/contracts';
import { addHours } from '@aftersales/kernel';
import type { CaseOrderFacts, OpenDispute } from '../domain';

/** The case of the tests: opened at T0 by the buyer about a paid order of shop-1. */
export const T0 = '2026-12-01T08:00:00.000Z';
export const DISPUTE_ID = 'dsp_test1';
export const ORDER_ID = 'ord_test1';
export const PAID = 35900;
export const rulebook = currentRulebook();
export const hoursAfterT0 = (hours: number): string => addHours(T0, hours);

export const orderFacts: CaseOrderFacts = { orderId: ORDER_ID, shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY', paidAmount: PAID };
export const ORDER_FACT_EVENTS = ['evt-order-placed', 'evt-order-paid'];

export const openComplaint = (overrides: Partial<OpenDispute> = {}): OpenDispute => ({
  type: 'OpenDispute',
  disputeId: DISPUTE_ID,
  at: T0,
  order: orderFacts,
  origin: 'buyer_complaint',
  category: 'not_as_described',
  description: 'The colour is not the one in the photos.',
  evidence: [],
  openedBy: 'buyer-1',
  basedOn: ORDER_FACT_EVENTS,
  ...overrides,
});

export const openFromRefund = (overrides: Partial<OpenDispute> = {}): OpenDispute =>
  openComplaint({
    origin: 'refund_escalation',
    refundId: 'rfd-1',
    claimedAmount: PAID,
    openedBy: 'refund',
    basedOn: ['evt-refund-escalated'],
    ...overrides,
  });
