/** The review service's consumer group on the order topic. */
export const REVIEW_CONSUMER_GROUP = 'review';
