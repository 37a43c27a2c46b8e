import { currentRulebook, type Rulebook, type ReviewStreamEvent } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { decidePostExplanation, decidePostFollowUpReview, decideReviseReview } from './decide-additions';
import { decideAppealDecision, decideAppealReview } from './decide-appeal';
import { decideModerateReview, decidePostReview } from './decide-posting';
import type { ReviewCommand } from './review-commands';
import { reviewRulesOf } from './review-rules';
import { initialReviewState, type ReviewState } from './review-state';
import { evolveReview } from './evolve-review';

export type ReviewDecider = Decider<ReviewCommand, ReviewState, ReviewStreamEvent>;

/** The review aggregate under one rulebook: windows, text limit and moderation rules come from it and record its version. */
export function makeReviewDecider(rulebook: Rulebook): ReviewDecider {
  const rules = reviewRulesOf(rulebook);
  return {
    initialState: initialReviewState,
    evolve: evolveReview,
    decide(command, state) {
      switch (command.type) {
        case 'PostReview':
          return decidePostReview(command, state, rules);
        case 'ModerateReview':
          return decideModerateReview(command, state);
        case 'PostExplanation':
          return decidePostExplanation(command, state, rules);
        case 'PostFollowUpReview':
          return decidePostFollowUpReview(command, state, rules);
        case 'ReviseReview':
          return decideReviseReview(command, state, rules);
        case 'AppealReview':
          return decideAppealReview(command, state);
        case 'DecideAppeal':
          return decideAppealDecision(command, state);
      }
    },
  };
}

/** The review decider under the current rulebook. */
export const reviewDecider: ReviewDecider = makeReviewDecider(currentRulebook());
