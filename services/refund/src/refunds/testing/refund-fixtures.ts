import { givenDecider } from '@aftersales/kernel/testing';
import { currentRulebook, type ReturnAddress, type Rulebook } from '@aftersales/contracts';
import {
  makeRefundDecider,
  type OrderFacts,
  type RefundCommand,
  type RefundDecider,
  type RequestRefund,
} from '../domain';
import { addDays } from '@aftersales/kernel';

export const rulebook = currentRulebook();
export const REFUND_ID = 'rfd_test1';
export const ORDER_ID = 'ord_test1';
/** The order was delivered at D0; requests happen a day later unless a test says otherwise. */
export const D0 = '2026-11-05T08:00:00.000Z';
export const daysAfterD0 = (days: number): string => addDays(D0, days);
export const T1 = daysAfterD0(1);

/** The brief's worked example: 1000 CNY of tea + 10 CNY shipping, paid, delivered at D0. */
export const PAID = 101_000;
export const deliveredOrder = (overrides: Partial<OrderFacts> = {}): OrderFacts => ({
  orderId: ORDER_ID,
  shopId: 'shop-1',
  buyerId: 'buyer-1',
  currency: 'CNY',
  status: 'delivered',
  paymentMethod: 'online',
  paidAmount: PAID,
  items: [
    { sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 2, unitPrice: 40_000, category: 'tea' },
    { sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 20_000 },
  ],
  shippedAt: daysAfterD0(-2),
  deliveredAt: D0,
  ...overrides,
});
export const paidOrder = (): OrderFacts => deliveredOrder({ status: 'awaiting_shipment', shippedAt: undefined, deliveredAt: undefined });

export const returnAddress: ReturnAddress = {
  name: 'Returns desk',
  phone: '+86 571 0000 0000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Yuhang',
  street: '1 Warehouse Road',
};

type Cmd<T extends RefundCommand['type']> = Extract<RefundCommand, { type: T }>;
const command = <T extends RefundCommand['type']>(type: T, fields: Omit<Cmd<T>, 'type' | 'refundId'>): Cmd<T> =>
  ({ type, refundId: REFUND_ID, ...fields }) as Cmd<T>;

export const request = (overrides: Partial<RequestRefund> = {}): RequestRefund => ({
  type: 'RequestRefund',
  refundId: REFUND_ID,
  order: deliveredOrder(),
  refundType: 'return_and_refund',
  reason: 'quality',
  amount: 40_000,
  refundableAmount: PAID,
  items: [{ sku: 'tea-500g', quantity: 1 }],
  evidence: [],
  at: T1,
  ...overrides,
});
/** `null`: approve without a return address. */
export const approve = (at = daysAfterD0(2), address: ReturnAddress | null = returnAddress) =>
  command('ApproveRefund', { approval: 'merchant', at, ...(address ? { returnAddress: address } : {}) });
export const reject = (at = daysAfterD0(2), reason = 'The tea was opened.') => command('RejectRefund', { reason, evidence: [], at });
export const shipReturn = (at = daysAfterD0(3), trackingNo = 'YT1') => command('ShipReturn', { carrier: 'yto', trackingNo, at });
export const confirmReceipt = (condition: 'intact' | 'damaged' | 'missing_parts' = 'intact', at = daysAfterD0(5)) =>
  command('ConfirmReturnReceipt', { condition, replacementOrderId: 'ord_replacement', at });
export const cancel = (at = daysAfterD0(2)) => command('CancelRefund', { reason: 'found it', at });
export const escalate = (at = daysAfterD0(3)) =>
  command('EscalateRefund', {
    description: 'The tea is mouldy.',
    evidence: [{ kind: 'photo', ref: 'm/1.jpg' }],
    disputeId: 'dsp_test1',
    at,
  });
export const recordPaid = (at = daysAfterD0(3)) =>
  command('RecordRefundPaid', { payoutId: 'pay_refund_rfd_test1', amount: 40_000, paidAt: at, totalRefundedOnOrder: 40_000, at });
export const reissueDispatched = (at = daysAfterD0(3)) =>
  command('RecordReissueDispatched', { shipmentId: 'shp_r1', dispatchedAt: at, at });
export const autoApprove = (at: string, address: ReturnAddress | null = returnAddress) =>
  command('AutoApproveRefund', { at, ...(address ? { returnAddress: address } : {}) });
export const autoConfirm = (at: string) => command('AutoConfirmReturn', { replacementOrderId: 'ord_replacement', at });
export const closeUnshipped = (at: string) => command('CloseUnshippedReturn', { at });
export const closeUnescalated = (at: string) => command('CloseUnescalatedRefund', { at });

/** Given the commands that already happened, when one more is decided: see givenDecider. */
export const given = (history: RefundCommand[], decider: RefundDecider = makeRefundDecider(rulebook)) => givenDecider(decider, history);

export const typesOf = (events: { type: string }[]): string[] => events.map((e) => e.type);

export const withRefundRules = (refund: Partial<Rulebook['refund']>, version = 'test-v2'): Rulebook => ({
  ...rulebook,
  version,
  refund: { ...rulebook.refund, ...refund },
});
