import { currentRulebook, type ReviewStreamEvent } from '@aftersales/contracts';

export const RULEBOOK = currentRulebook().version;
export const REVIEW_ID = 'rev_1';
export const ORDER = { orderId: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', completedAt: '2026-12-01T10:00:00.000Z' };
export const POSTED_AT = '2026-12-02T10:00:00.000Z';

type Data<T extends ReviewStreamEvent['type']> = Extract<ReviewStreamEvent, { type: T }>['data'];

/** A review as stored: negative, published, posted a day after completion (override any field). */
export const reviewPosted = (patch: Partial<Data<'ReviewPosted'>> = {}): ReviewStreamEvent => ({
  type: 'ReviewPosted',
  data: {
    reviewId: REVIEW_ID,
    ...ORDER,
    rating: 'negative',
    score: 2,
    text: 'The box arrived crushed.',
    images: [],
    status: 'published',
    postedAt: POSTED_AT,
    revisableUntil: '2027-01-01T10:00:00.000Z',
    rulebookVersion: RULEBOOK,
    basedOn: ['evt-placed', 'evt-confirmed'],
    ...patch,
  },
});

export const explanationPosted = (patch: Partial<Data<'ReviewExplanationPosted'>> = {}): ReviewStreamEvent => ({
  type: 'ReviewExplanationPosted',
  data: {
    reviewId: REVIEW_ID,
    orderId: ORDER.orderId,
    shopId: ORDER.shopId,
    agentId: 'cs-1',
    text: 'Sorry: we sent a new box.',
    status: 'published',
    postedAt: '2026-12-03T10:00:00.000Z',
    rulebookVersion: RULEBOOK,
    ...patch,
  },
});

export const followUpReviewPosted = (patch: Partial<Data<'FollowUpReviewPosted'>> = {}): ReviewStreamEvent => ({
  type: 'FollowUpReviewPosted',
  data: {
    reviewId: REVIEW_ID,
    orderId: ORDER.orderId,
    shopId: ORDER.shopId,
    buyerId: ORDER.buyerId,
    text: 'A month on, it still works.',
    images: [],
    status: 'published',
    postedAt: '2026-12-04T10:00:00.000Z',
    rulebookVersion: RULEBOOK,
    ...patch,
  },
});

export const reviewRevised = (patch: Partial<Data<'ReviewRevised'>> = {}): ReviewStreamEvent => ({
  type: 'ReviewRevised',
  data: {
    reviewId: REVIEW_ID,
    orderId: ORDER.orderId,
    shopId: ORDER.shopId,
    buyerId: ORDER.buyerId,
    from: { rating: 'negative', score: 2 },
    to: { rating: 'positive', score: 4 },
    revisedAt: '2026-12-05T10:00:00.000Z',
    ruleId: 'review.revision',
    rulebookVersion: RULEBOOK,
    ...patch,
  },
});

export const appealFiled = (): ReviewStreamEvent => ({
  type: 'MaliciousReviewAppealFiled',
  data: {
    appealId: `apl_${REVIEW_ID}`,
    reviewId: REVIEW_ID,
    orderId: ORDER.orderId,
    shopId: ORDER.shopId,
    agentId: 'cs-1',
    reason: 'The buyer asked for 200 CNY to remove it.',
    evidence: [{ kind: 'chat_log', ref: 'media/chat.png' }],
    filedAt: '2026-12-03T12:00:00.000Z',
  },
});
