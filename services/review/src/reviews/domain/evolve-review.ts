import type { ReviewStreamEvent } from '@aftersales/contracts';
import type { Review, ReviewState } from './review-state';

const moderatedStatus = (decision: 'publish' | 'reject'): 'published' | 'rejected' => (decision === 'publish' ? 'published' : 'rejected');

function evolveModerated(review: Review, data: Extract<ReviewStreamEvent, { type: 'ReviewModerated' }>['data']): Review {
  const status = moderatedStatus(data.decision);
  switch (data.content) {
    case 'review':
      return {
        ...review,
        status,
        moderation: { decision: data.decision, reason: data.reason, moderatorId: data.moderatorId, moderatedAt: data.moderatedAt },
      };
    case 'explanation':
      return review.explanation ? { ...review, explanation: { ...review.explanation, status } } : review;
    case 'follow_up_review':
      return review.followUpReview ? { ...review, followUpReview: { ...review.followUpReview, status } } : review;
    case 'revision': {
      const held = review.revisions.find((r) => r.textStatus === 'held');
      const revisions = review.revisions.map((r) => (r === held ? { ...r, textStatus: status } : r));
      return { ...review, revisions, text: status === 'published' && held?.text !== undefined ? held.text : review.text };
    }
  }
}

/** Folds one review event into the state. */
export function evolveReview(state: ReviewState, event: ReviewStreamEvent): ReviewState {
  if (event.type === 'ReviewPosted') {
    const d = event.data;
    return {
      id: d.reviewId,
      orderId: d.orderId,
      shopId: d.shopId,
      buyerId: d.buyerId,
      rating: d.rating,
      score: d.score,
      text: d.text,
      images: d.images,
      status: d.status,
      hold: d.hold,
      postedAt: d.postedAt,
      completedAt: d.completedAt,
      revisions: [],
    };
  }
  if (state === null) return state;
  switch (event.type) {
    case 'ReviewModerated':
      return evolveModerated(state, event.data);
    case 'ReviewExplanationPosted': {
      const d = event.data;
      return { ...state, explanation: { agentId: d.agentId, text: d.text, status: d.status, hold: d.hold, postedAt: d.postedAt } };
    }
    case 'FollowUpReviewPosted': {
      const d = event.data;
      return { ...state, followUpReview: { text: d.text, status: d.status, hold: d.hold, postedAt: d.postedAt } };
    }
    case 'ReviewRevised': {
      const d = event.data;
      const revision = { from: d.from, to: d.to, text: d.text, textStatus: d.textStatus, hold: d.hold, revisedAt: d.revisedAt };
      return {
        ...state,
        rating: d.to.rating,
        score: d.to.score,
        text: d.text !== undefined && d.textStatus === 'published' ? d.text : state.text,
        revisions: [...state.revisions, revision],
      };
    }
    case 'MaliciousReviewAppealFiled': {
      const d = event.data;
      return { ...state, appeal: { appealId: d.appealId, agentId: d.agentId, reason: d.reason, evidence: d.evidence, filedAt: d.filedAt } };
    }
    case 'MaliciousReviewAppealDecided': {
      const d = event.data;
      if (!state.appeal) return state;
      const appeal = {
        ...state.appeal,
        decision: { upheld: d.upheld, reason: d.explanation, arbitratorId: d.arbitratorId, decidedAt: d.decidedAt },
      };
      return { ...state, appeal, status: d.reviewRemoved ? 'hidden' : state.status };
    }
  }
}
