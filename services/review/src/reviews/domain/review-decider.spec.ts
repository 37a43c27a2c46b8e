import { deciderSpec } from '@aftersales/kernel/testing';
import {
  appealFiled,
  explanationPosted,
  followUpReviewPosted,
  ORDER,
  POSTED_AT,
  REVIEW_ID,
  reviewPosted,
  reviewRevised,
  RULEBOOK,
} from '../testing/review-events';
import type { ReviewCommand } from './review-commands';
import { reviewDecider } from './review-decider';
import { ReviewRules } from './review-rules';

const spec = deciderSpec(reviewDecider);
const post = (patch: Partial<Extract<ReviewCommand, { type: 'PostReview' }>> = {}): ReviewCommand => ({
  type: 'PostReview',
  reviewId: REVIEW_ID,
  order: ORDER,
  basedOn: ['evt-placed', 'evt-confirmed'],
  rating: 'negative',
  score: 2,
  text: 'The box arrived crushed.',
  images: [],
  at: POSTED_AT,
  ...patch,
});
const explain = (at = '2026-12-03T10:00:00.000Z', text = 'Sorry: we sent a new box.'): ReviewCommand => ({
  type: 'PostExplanation',
  reviewId: REVIEW_ID,
  agentId: 'cs-1',
  text,
  at,
});
const revise = (rating: 'positive' | 'neutral' | 'negative', score: number, at = '2026-12-05T10:00:00.000Z'): ReviewCommand => ({
  type: 'ReviseReview',
  reviewId: REVIEW_ID,
  rating,
  score,
  at,
});
const followUp = (at = '2026-12-04T10:00:00.000Z'): ReviewCommand => ({
  type: 'PostFollowUpReview',
  reviewId: REVIEW_ID,
  text: 'A month on, it still works.',
  images: [],
  at,
});

describe('review decider: posting', () => {
  it('given a completed order, when its buyer posts a negative review with text within 15 days, then it is published with the window rulebook and its revision deadline', () => {
    spec.given([]).when(post()).then([reviewPosted()]);
  });

  it('given an order not completed, when a review is posted, then 422 naming the rule', () => {
    spec
      .given([])
      .when(post({ order: { ...ORDER, completedAt: undefined } }))
      .thenRefuses(ReviewRules.orderNotCompleted);
  });

  it('given an order completed 15 days and a second ago, when a review is posted, then 422 naming the window rule', () => {
    spec
      .given([])
      .when(post({ at: '2026-12-16T10:00:01.000Z' }))
      .thenRefuses('review.window');
    spec
      .given([])
      .when(post({ at: '2026-12-16T10:00:00.000Z' }))
      .then([reviewPosted({ postedAt: '2026-12-16T10:00:00.000Z', revisableUntil: '2027-01-15T10:00:00.000Z' })]);
  });

  it('given a review, when a second is posted, then 409 already posted', () => {
    expect(spec.given([reviewPosted()]).when(post()).thenRefuses(ReviewRules.alreadyPosted).kind).toBe('conflict');
  });

  it('given a neutral or negative review without text, then refused; a positive one without text is published and not revisable', () => {
    spec
      .given([])
      .when(post({ rating: 'neutral', score: 3, text: '  ' }))
      .thenRefuses(ReviewRules.textRequired);
    spec
      .given([])
      .when(post({ rating: 'positive', score: 5, text: '' }))
      .then([reviewPosted({ rating: 'positive', score: 5, text: '', revisableUntil: undefined })]);
  });

  it('given a text of 501 characters, then 422 naming the text rule; 500 pass', () => {
    spec
      .given([])
      .when(post({ text: '很'.repeat(501) }))
      .thenRefuses('review.text');
    spec
      .given([])
      .when(post({ text: '很'.repeat(500) }))
      .then([reviewPosted({ text: '很'.repeat(500) })]);
  });

  it('given a text with a mobile number, when posted, then it is held naming the rule and the rulebook version', () => {
    spec
      .given([])
      .when(post({ text: 'Call me on 138 1234 5678' }))
      .then([
        reviewPosted({
          text: 'Call me on 138 1234 5678',
          status: 'held',
          hold: { ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion: RULEBOOK },
        }),
      ]);
  });
});

describe('review decider: moderation', () => {
  const held = reviewPosted({ status: 'held', hold: { ruleId: 'moderation.link.url', category: 'link', rulebookVersion: RULEBOOK } });
  const moderate = (decision: 'publish' | 'reject'): ReviewCommand => ({
    type: 'ModerateReview',
    reviewId: REVIEW_ID,
    decision,
    reason: 'checked',
    moderatorId: 'plat-1',
    at: '2026-12-03T00:00:00.000Z',
  });

  it('given a held review, when the platform publishes it, then it is published and counted; rejected, it is rejected', () => {
    spec
      .given([held])
      .when(moderate('publish'))
      .thenState((state) => expect(state?.status).toBe('published'));
    spec
      .given([held])
      .when(moderate('reject'))
      .thenState((state) => expect(state?.status).toBe('rejected'));
  });

  it('given nothing held, when moderated, then 409 naming it', () => {
    spec.given([reviewPosted()]).when(moderate('publish')).thenRefuses(ReviewRules.nothingHeld);
  });

  it('given a held explanation, when moderated, then the explanation is the text moderated', () => {
    const heldExplanation = explanationPosted({
      status: 'held',
      hold: { ruleId: 'moderation.link.url', category: 'link', rulebookVersion: RULEBOOK },
    });
    const decided = spec.given([reviewPosted(), heldExplanation]).when(moderate('reject')).decided();
    expect(decided.events[0].data).toMatchObject({ content: 'explanation', decision: 'reject' });
    expect(decided.state?.explanation?.status).toBe('rejected');
  });
});

describe('review decider: explanation', () => {
  it('given a published review, when the shop explains within 30 days, then it is posted', () => {
    spec.given([reviewPosted()]).when(explain()).then([explanationPosted()]);
  });

  it('given an explanation, when a second one is posted, then 422 once', () => {
    spec.given([reviewPosted(), explanationPosted()]).when(explain()).thenRefuses(ReviewRules.explanationOnce);
  });

  it("given the buyer's follow-up review, when the shop explains, then 422", () => {
    spec.given([reviewPosted(), followUpReviewPosted()]).when(explain()).thenRefuses(ReviewRules.explanationAfterFollowUpReview);
  });

  it('given 30 days and a second after the review, when the shop explains, then 422 naming the window rule', () => {
    spec.given([reviewPosted()]).when(explain('2027-01-01T10:00:01.000Z')).thenRefuses('review.explanation');
  });

  it('given an explanation with an e-mail address, then it is held', () => {
    const decided = spec.given([reviewPosted()]).when(explain(undefined, 'Write to shop@example.com')).decided();
    expect(decided.events[0].data).toMatchObject({ status: 'held', hold: { ruleId: 'moderation.contact_details.email' } });
  });
});

describe('review decider: follow-up review and revision', () => {
  it('given a review, when the buyer adds a follow-up review within 180 days of completion, then posted; a second or a late one is 422', () => {
    spec.given([reviewPosted()]).when(followUp()).then([followUpReviewPosted()]);
    spec.given([reviewPosted(), followUpReviewPosted()]).when(followUp()).thenRefuses(ReviewRules.followUpReviewOnce);
    spec.given([reviewPosted()]).when(followUp('2027-05-31T10:00:01.000Z')).thenRefuses('review.follow_up_review');
  });

  it('given a negative review, when the buyer revises it to positive within 30 days, then revised from → to, and the rating counts', () => {
    spec.given([reviewPosted()]).when(revise('positive', 4)).then([reviewRevised()]);
  });

  it('given a revision, when a second one comes, then 422 once', () => {
    spec
      .given([reviewPosted(), reviewRevised({ to: { rating: 'neutral', score: 3 } })])
      .when(revise('positive', 5))
      .thenRefuses(ReviewRules.revisionOnce);
  });

  it('given a neutral review, when revised downwards or sideways, then 422 upwards only; a positive review cannot go up', () => {
    const neutral = reviewPosted({ rating: 'neutral', score: 3 });
    spec.given([neutral]).when(revise('negative', 1)).thenRefuses(ReviewRules.revisionUpwardsOnly);
    spec.given([neutral]).when(revise('neutral', 4)).thenRefuses(ReviewRules.revisionUpwardsOnly);
    spec
      .given([reviewPosted({ rating: 'positive', score: 4 })])
      .when(revise('positive', 5))
      .thenRefuses(ReviewRules.revisionUpwardsOnly);
  });

  it('given 30 days and a second after the review, when revised, then 422 naming the revision rule', () => {
    spec
      .given([reviewPosted()])
      .when(revise('positive', 4, '2027-01-01T10:00:01.000Z'))
      .thenRefuses('review.revision');
  });

  it('given a held review, when explained, followed up or revised, then 409 not published', () => {
    const held = reviewPosted({ status: 'held', hold: { ruleId: 'moderation.link.url', category: 'link', rulebookVersion: RULEBOOK } });
    spec.given([held]).when(explain()).thenRefuses(ReviewRules.notPublished);
    spec.given([held]).when(revise('positive', 4)).thenRefuses(ReviewRules.notPublished);
    spec.given([held]).when(followUp()).thenRefuses(ReviewRules.notPublished);
  });
});

describe('review decider: malicious-review appeal', () => {
  const appeal: ReviewCommand = {
    type: 'AppealReview',
    reviewId: REVIEW_ID,
    appealId: `apl_${REVIEW_ID}`,
    agentId: 'cs-1',
    reason: 'The buyer asked for 200 CNY to remove it.',
    evidence: [{ kind: 'chat_log', ref: 'media/chat.png' }],
    at: '2026-12-03T12:00:00.000Z',
  };
  const decide = (upheld: boolean): ReviewCommand => ({
    type: 'DecideAppeal',
    reviewId: REVIEW_ID,
    upheld,
    reason: 'The chat shows the demand.',
    arbitratorId: 'plat-1',
    at: '2026-12-04T12:00:00.000Z',
  });

  it('given a published review, when the shop appeals, then filed; a second appeal is 409', () => {
    spec.given([reviewPosted()]).when(appeal).then([appealFiled()]);
    spec.given([reviewPosted(), appealFiled()]).when(appeal).thenRefuses(ReviewRules.appealOnce);
  });

  it('given an appeal, when upheld, then the review is hidden; when dismissed, it stays published', () => {
    spec
      .given([reviewPosted(), appealFiled()])
      .when(decide(true))
      .thenState((state) => expect(state?.status).toBe('hidden'));
    spec
      .given([reviewPosted(), appealFiled()])
      .when(decide(false))
      .thenState((state) => expect(state?.status).toBe('published'));
  });

  it('given no appeal, when decided, then 409 no appeal pending', () => {
    spec.given([reviewPosted()]).when(decide(true)).thenRefuses(ReviewRules.noAppealPending);
  });
});
