import type { Evidence, ModerationHold, ReviewRating, ReviewStatus } from '@aftersales/contracts';

/** Where a text added to a review stands: published, held for the platform, or rejected by it. */
export type TextStatus = 'published' | 'held' | 'rejected';

export interface AddedText {
  text: string;
  status: TextStatus;
  hold?: ModerationHold;
  postedAt: string;
}

export interface RevisionState {
  from: { rating: ReviewRating; score: number };
  to: { rating: ReviewRating; score: number };
  text?: string;
  textStatus?: TextStatus;
  hold?: ModerationHold;
  revisedAt: string;
}

export interface AppealState {
  appealId: string;
  agentId: string;
  reason: string;
  evidence: Evidence[];
  filedAt: string;
  decision?: { upheld: boolean; reason: string; arbitratorId: string; decidedAt: string };
}

export interface Review {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  rating: ReviewRating;
  score: number;
  text: string;
  images: string[];
  status: ReviewStatus;
  /** The rule that held the review when it was posted (kept after moderation, for the record). */
  hold?: ModerationHold;
  postedAt: string;
  completedAt: string;
  /** The platform's decision on the held review. */
  moderation?: { decision: 'publish' | 'reject'; reason: string; moderatorId: string; moderatedAt: string };
  explanation?: AddedText & { agentId: string };
  followUpReview?: AddedText;
  revisions: RevisionState[];
  appeal?: AppealState;
}

/** A review stream: nothing before the buyer posts. */
export type ReviewState = Review | null;

export const initialReviewState: ReviewState = null;
