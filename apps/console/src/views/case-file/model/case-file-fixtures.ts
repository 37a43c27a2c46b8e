import type { CaseFile, Dispute, FollowUp, Refund } from './case-file-types';

/** A case file of order ord-1 of shop-1 with nothing open on it; specs add refunds, cases and follow-ups. */
export function caseFile(parts: Partial<CaseFile> = {}): CaseFile {
  return {
    order: {
      id: 'ord-1',
      status: 'completed',
      buyerId: 'buyer-1',
      shopId: 'shop-1',
      currency: 'CNY',
      items: [{ sku: 'sku-1', title: 'Kettle', quantity: 2, unitPrice: 12_950 }],
      itemsTotal: 25_900,
      shippingFee: 1_000,
      total: 26_900,
      paidAmount: 26_900,
      paymentMethod: 'online',
      notes: [],
      notesCount: 0,
      deadlines: {},
      placedAt: '2026-11-02T08:00:00.000Z',
      revision: 7,
    },
    timeline: [],
    refunds: [],
    disputes: [],
    compensations: [],
    followUps: [],
    ...parts,
  };
}

export const refund = (fields: Partial<Refund> = {}): Refund => ({
  id: 'ref-1',
  orderId: 'ord-1',
  shopId: 'shop-1',
  type: 'refund_only',
  reason: 'quality',
  amount: 12_950,
  currency: 'CNY',
  status: 'waiting_merchant',
  requestedAt: '2026-11-03T08:00:00.000Z',
  deadlines: { merchantRespondBy: '2026-11-05T08:00:00.000Z' },
  revision: 1,
  ...fields,
});

export const dispute = (fields: Partial<Dispute> = {}): Dispute => ({
  id: 'dsp_1',
  orderId: 'ord-1',
  shopId: 'shop-1',
  category: 'product_quality',
  origin: 'buyer_complaint',
  status: 'in_progress',
  currency: 'CNY',
  paidAmount: 26_900,
  openedAt: '2026-11-03T08:00:00.000Z',
  deadlines: { resolveBy: '2026-11-06T08:00:00.000Z' },
  overdue: false,
  slaBreaches: [],
  evidenceRequests: [],
  remedies: [],
  revision: 2,
  ...fields,
});

export const followUp = (fields: Partial<FollowUp> = {}): FollowUp => ({
  id: 'rfu_1',
  reviewId: 'rev_1',
  orderId: 'ord-1',
  shopId: 'shop-1',
  status: 'open',
  deadlines: { firstContactBy: '2026-11-04T08:00:00.000Z', resolveBy: '2026-11-06T08:00:00.000Z' },
  nextDeadlineAt: '2026-11-04T08:00:00.000Z',
  overdue: false,
  slaBreaches: [],
  remedies: [],
  revision: 1,
  ...fields,
});
