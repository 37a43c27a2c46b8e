/** The follow-ups' consumer group on the review and refund topics. */
export const FOLLOW_UPS_CONSUMER_GROUP = 'review-follow-ups';
export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;
export const FOLLOW_UPS_ACTOR = { id: 'review-follow-ups', role: 'system' } as const;
