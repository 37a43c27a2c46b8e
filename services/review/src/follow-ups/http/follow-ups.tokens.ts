/** DI token of the follow-up capability's facade. */
export const FOLLOW_UP_SERVICE_TOKEN = Symbol('FollowUpService');
