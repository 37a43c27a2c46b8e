import type { EventEnvelope } from '@aftersales/contracts';
import type { Platform, ServiceRuntime } from '@aftersales/kernel';
import { REVIEW_SERVICE } from '../policies';
import { REVIEW_ORDER_FACTS } from '../projections';
import { onOrderEvent } from './order.reactions';
import type { ReviewReactionOutcome } from './reaction-outcome';
import { REVIEW_CONSUMER_GROUP } from './review-actors';

/** The reviews capability's facade: commands, reactions and reads of `review-<id>` streams. */
export interface ReviewsService {
  /** Order topic, group `review`: the order facts reviews are posted on. */
  onOrderEvent(event: EventEnvelope): Promise<ReviewReactionOutcome>;
  readonly runtime: ServiceRuntime;
}

export function createReviewsService(platform: Platform): ReviewsService {
  return {
    onOrderEvent: (event) => onOrderEvent(platform, event),
    runtime: {
      name: REVIEW_SERVICE,
      projections: [],
      busFedViews: [
        { name: REVIEW_ORDER_FACTS, projection: REVIEW_ORDER_FACTS, collections: [REVIEW_ORDER_FACTS], group: REVIEW_CONSUMER_GROUP },
      ],
      timerPolicies: [],
      fireTimer: async () => undefined,
    },
  };
}
