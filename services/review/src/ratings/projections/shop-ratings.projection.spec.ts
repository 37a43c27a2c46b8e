import { InMemoryReadModelStore } from '@aftersales/kernel';
import { createRatingsService } from '../application';
import {
  appealDecided,
  buyerContacted,
  followUpClosed,
  followUpOpened,
  liveRatings,
  ratingDocuments,
  reviewModerated,
  reviewPosted,
  reviewPostedV1,
  reviewRevised,
  type LoggedEvent,
} from '../testing/rating-events';
import { medianOfHistogram } from './shop-rating.document';

const ratingAfter = async (events: LoggedEvent[], shopId = 'shop-1') => {
  const { readModels } = await liveRatings(events);
  return createRatingsService({ readModels }).getShopRating(shopId);
};

describe('shop ratings read model', () => {
  it('given published reviews of every rating, then the counts, score (+1/0/−1) and positive rate are over them', async () => {
    const rating = await ratingAfter([
      reviewPosted('r1', 'shop-1', 'positive'),
      reviewPosted('r2', 'shop-1', 'positive'),
      reviewPosted('r3', 'shop-1', 'neutral'),
      reviewPosted('r4', 'shop-1', 'negative'),
      reviewPostedV1('r5', 'shop-1', 'positive'),
      reviewPosted('other', 'shop-2', 'negative'),
    ]);
    expect(rating).toMatchObject({ shopId: 'shop-1', positive: 3, neutral: 1, negative: 1, score: 2, positiveRate: 0.6 });
  });

  it('given a held review, it does not count; when the platform publishes it, it counts once', async () => {
    const held = [reviewPosted('r1', 'shop-1', 'negative', 'held')];
    expect(await ratingAfter(held)).toMatchObject({ negative: 0, score: 0, positiveRate: null });
    expect(await ratingAfter([...held, reviewModerated('r1', 'shop-1', 'publish')])).toMatchObject({ negative: 1, score: -1, positiveRate: 0 });
  });

  it('given a held review the platform rejects, or a held explanation published, then nothing is counted', async () => {
    const rating = await ratingAfter([
      reviewPosted('r1', 'shop-1', 'positive', 'held'),
      reviewModerated('r1', 'shop-1', 'reject'),
      reviewPosted('r2', 'shop-1', 'neutral', 'held'),
      reviewModerated('r2', 'shop-1', 'publish', 'explanation'),
    ]);
    expect(rating).toMatchObject({ positive: 0, neutral: 0, negative: 0 });
  });

  it('given a negative review revised to positive, then the counts move from negative to positive', async () => {
    const rating = await ratingAfter([reviewPosted('r1', 'shop-1', 'negative'), reviewRevised('r1', 'shop-1', 'negative', 'positive')]);
    expect(rating).toMatchObject({ positive: 1, negative: 0, score: 1, positiveRate: 1 });
  });

  it('given an upheld malicious-review appeal, the review leaves the score; a dismissed one changes nothing', async () => {
    const rating = await ratingAfter([
      reviewPosted('r1', 'shop-1', 'negative'),
      reviewPosted('r2', 'shop-1', 'negative'),
      appealDecided('r1', 'shop-1', true),
      appealDecided('r2', 'shop-1', false),
    ]);
    expect(rating).toMatchObject({ negative: 1, score: -1 });
  });

  it('given follow-ups contacted in time, late and never, one revised, then the follow-up figures and the median minutes to contact', async () => {
    const rating = await ratingAfter([
      followUpOpened('f1', 'shop-1', 0),
      buyerContacted('f1', 'shop-1', 0, 30),
      followUpOpened('f2', 'shop-1', 10),
      buyerContacted('f2', 'shop-1', 10, 100),
      buyerContacted('f2', 'shop-1', 10, 200),
      followUpOpened('f3', 'shop-1', 20),
      buyerContacted('f3', 'shop-1', 20, 20 + 25 * 60),
      followUpClosed('f3', 'shop-1', 'revised'),
      followUpOpened('f4', 'shop-1', 30),
      followUpClosed('f4', 'shop-1', 'unresolved'),
    ]);
    expect(rating.followUps).toEqual({ opened: 4, contactedInTime: 2, revisedUpward: 1, revisionRate: 0.25, medianMinutesToContact: 90 });
  });

  it('a shop without reviews or follow-ups has zero counts and no rates', async () => {
    const rating = await createRatingsService({ readModels: new InMemoryReadModelStore() }).getShopRating('shop-9');
    expect(rating).toEqual({
      shopId: 'shop-9',
      positive: 0,
      neutral: 0,
      negative: 0,
      score: 0,
      positiveRate: null,
      followUps: { opened: 0, contactedInTime: 0, revisedUpward: 0, revisionRate: null, medianMinutesToContact: null },
    });
  });

  it('given a mixed history folded live, when the read model is rebuilt from the log, then every document is the same', async () => {
    const { readModels, runner } = await liveRatings([
      reviewPosted('r1', 'shop-1', 'negative', 'held'),
      followUpOpened('f1', 'shop-1', 0),
      reviewModerated('r1', 'shop-1', 'publish'),
      reviewPosted('r2', 'shop-2', 'neutral'),
      buyerContacted('f1', 'shop-1', 0, 45),
      reviewRevised('r1', 'shop-1', 'negative', 'positive'),
      followUpClosed('f1', 'shop-1', 'revised'),
      reviewPosted('r3', 'shop-2', 'negative'),
      appealDecided('r3', 'shop-2', true),
    ]);
    const live = await ratingDocuments(readModels);
    await runner.rebuild();
    expect(await ratingDocuments(readModels)).toEqual(live);
    expect(live.shop_ratings).toHaveLength(2);
  });
});

describe('median of a minute histogram', () => {
  it('is the middle minute of an odd count and the mean of the two middle minutes of an even count', () => {
    expect(medianOfHistogram({ '5': 1, '10': 1, '400': 1 })).toBe(10);
    expect(medianOfHistogram({ '5': 2, '10': 1, '400': 1 })).toBe(7.5);
    expect(medianOfHistogram({})).toBeNull();
  });
});
