import { heldTexts, type ReviewView } from './platform-model';

const review = (extra: Partial<ReviewView>): ReviewView => ({ id: 'rev_1', orderId: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', rating: 'negative', score: 1, text: 'Call me: 13812345678', status: 'held', ...extra });

describe('platform view model', () => {
  it('given a held review, then its own text is what waits, with the rule that held it', () => {
    expect(heldTexts(review({ moderation: { hold: { ruleId: 'review.moderation.phone' } } }))).toEqual([
      { content: 'review', text: 'Call me: 13812345678', rule: 'review.moderation.phone' },
    ]);
  });

  it('given a published review whose explanation is held, then the explanation waits', () => {
    const explained = review({ status: 'published', explanation: { text: 'Add us on WeChat', status: 'held', hold: { ruleId: 'review.moderation.contact' } } });

    expect(heldTexts(explained)).toEqual([{ content: 'explanation', text: 'Add us on WeChat', rule: 'review.moderation.contact' }]);
    expect(heldTexts(review({ status: 'published' }))).toEqual([]);
  });
});
