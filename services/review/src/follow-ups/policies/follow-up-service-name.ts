/** The follow-up capability's runtime (its timers are dispatched to it by this name). */
export const FOLLOW_UP_SERVICE = 'review-follow-ups';
