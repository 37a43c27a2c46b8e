import { validateEventData } from '../catalogue';
import { PROTECTED_FIELDS } from '../protected-fields';
import {
  ReviewContentRejectedEvent,
  ReviewModeratedEvent,
  ReviewPostedEvent,
  ReviewPostedEventV1,
  ReviewRatings,
  ReviewRevisedEvent,
  reviewEvents,
} from './events';

const SEALED = { enc: 'v1', keyId: 'buyer-8192', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' };

describe('review event contracts', () => {
  it('cover reviews, moderation, explanation, follow-up review, revision, follow-up cases and appeals', () => {
    expect(reviewEvents.map((d) => d.type)).toEqual(
      expect.arrayContaining([
        'ReviewPosted',
        'ReviewModerated',
        'ReviewExplanationPosted',
        'FollowUpReviewPosted',
        'ReviewRevised',
        'ReviewFollowUpOpened',
        'MaliciousReviewAppealFiled',
        'MaliciousReviewAppealDecided',
      ]),
    );
    expect(reviewEvents.every((d) => d.service === 'review')).toBe(true);
  });

  it('a review has one of three ratings and a score from 1 to 5', () => {
    const post = (patch: Record<string, unknown>) => validateEventData('ReviewPosted', 2, { ...ReviewPostedEvent.example, ...patch });
    for (const rating of ReviewRatings) expect(post({ rating })).toEqual([]);
    expect(post({ rating: 'excellent' }).map((e) => e.path)).toEqual(['/rating']);
    expect(post({ score: 6 }).map((e) => e.path)).toEqual(['/score']);
  });

  it('a posted review is published or held, a hold names the rule, its category and the rulebook version', () => {
    const post = (patch: Record<string, unknown>) => validateEventData('ReviewPosted', 2, { ...ReviewPostedEvent.example, ...patch });
    expect(post({ status: 'rejected' }).map((e) => e.path)).toEqual(['/status']);
    expect(post({ hold: { ruleId: 'moderation.link.url', category: 'link' } }).map((e) => e.path)).toContain('/hold/rulebookVersion');
    expect(post({ hold: { ruleId: 'x', category: 'swearing', rulebookVersion: '2026-12-v5' } }).map((e) => e.path)).toEqual([
      '/hold/category',
    ]);
  });

  it("the buyer's texts may be sealed in the version written today, not in the published v1", () => {
    expect(PROTECTED_FIELDS.ReviewPosted).toEqual(['text']);
    expect(validateEventData('ReviewPosted', 2, { ...ReviewPostedEvent.example, text: SEALED })).toEqual([]);
    expect(validateEventData('ReviewRevised', 2, { ...ReviewRevisedEvent.example, text: SEALED })).toEqual([]);
    expect(validateEventData('ReviewPosted', 1, { ...ReviewPostedEventV1.example, text: SEALED })).not.toEqual([]);
  });

  it('the published v1 events stay readable, the retired content rejection too', () => {
    expect(validateEventData('ReviewPosted', 1, ReviewPostedEventV1.example)).toEqual([]);
    expect(validateEventData('ReviewContentRejected', 1, ReviewContentRejectedEvent.example)).toEqual([]);
  });

  it('moderation publishes or rejects a held text of the review', () => {
    const moderate = (patch: Record<string, unknown>) =>
      validateEventData('ReviewModerated', 1, { ...ReviewModeratedEvent.example, ...patch });
    expect(moderate({ decision: 'reject', content: 'explanation' })).toEqual([]);
    expect(moderate({ decision: 'drop' }).map((e) => e.path)).toEqual(['/decision']);
  });
});
