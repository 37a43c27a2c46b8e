import { validateEventData } from '../catalogue';
import { ReviewContentRejectedEvent, ReviewPostedEvent, ReviewRatings, reviewEvents } from './events';

describe('review event contracts', () => {
  it('cover reviews, moderation, explanation, revision, follow-up and appeals', () => {
    expect(reviewEvents.map((d) => d.type)).toEqual(
      expect.arrayContaining([
        'ReviewPosted',
        'ReviewContentRejected',
        'ReviewExplanationPosted',
        'ReviewRevised',
        'ReviewFollowUpOpened',
        'ReviewFollowUpBuyerContacted',
        'ReviewFollowUpResolved',
        'MaliciousReviewAppealFiled',
        'MaliciousReviewAppealDecided',
      ]),
    );
    expect(reviewEvents.every((d) => d.service === 'review')).toBe(true);
  });

  it('a review has one of three ratings and a score from 1 to 5', () => {
    const post = (patch: Record<string, unknown>) => validateEventData('ReviewPosted', 1, { ...ReviewPostedEvent.example, ...patch });
    for (const rating of ReviewRatings) expect(post({ rating })).toEqual([]);
    expect(post({ rating: 'excellent' }).map((e) => e.path)).toEqual(['/rating']);
    expect(post({ score: 6 }).map((e) => e.path)).toEqual(['/score']);
  });

  it('a content rejection names at least one known violation', () => {
    const reject = (violations: string[]) =>
      validateEventData('ReviewContentRejected', 1, { ...ReviewContentRejectedEvent.example, violations });
    expect(reject([]).map((e) => e.path)).toEqual(['/violations']);
    expect(reject(['swearing']).map((e) => e.path)).toEqual(['/violations/0']);
  });
});
