import { followUpReactionTo } from './review-follow-up.policy';

const posted = (rating: string, status?: string) => ({
  type: 'ReviewPosted',
  data: { reviewId: 'rev_1', orderId: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', rating, ...(status ? { status } : {}) },
});

describe('which review events open or close a follow-up', () => {
  it('a published neutral or negative review opens one; a positive or held one does not (yet), but is remembered', () => {
    expect(followUpReactionTo(posted('negative', 'published'))).toMatchObject({ kind: 'remember', open: true });
    expect(followUpReactionTo(posted('neutral', 'published'))).toMatchObject({ kind: 'remember', open: true });
    expect(followUpReactionTo(posted('positive', 'published'))).toMatchObject({ kind: 'remember', open: false });
    expect(followUpReactionTo(posted('negative', 'held'))).toMatchObject({ kind: 'remember', open: false });
  });

  it('the platform publishing a held review opens it; a rejection or another text published does not', () => {
    const moderated = (content: string, decision: string) => ({ type: 'ReviewModerated', data: { reviewId: 'rev_1', content, decision } });
    expect(followUpReactionTo(moderated('review', 'publish'))).toEqual({ kind: 'open_published', reviewId: 'rev_1' });
    expect(followUpReactionTo(moderated('review', 'reject'))).toBeUndefined();
    expect(followUpReactionTo(moderated('explanation', 'publish'))).toBeUndefined();
  });

  it('an upward revision closes it as revised', () => {
    const revised = (from: string, to: string) => ({ type: 'ReviewRevised', data: { reviewId: 'rev_1', from: { rating: from, score: 2 }, to: { rating: to, score: 4 } } });
    expect(followUpReactionTo(revised('negative', 'positive'))).toEqual({ kind: 'close_revised', reviewId: 'rev_1' });
    expect(followUpReactionTo(revised('negative', 'neutral'))).toEqual({ kind: 'close_revised', reviewId: 'rev_1' });
    expect(followUpReactionTo(revised('neutral', 'neutral'))).toBeUndefined();
  });
});
