/** Nest injection token of the RatingsService. */
export const RATINGS_SERVICE_TOKEN = Symbol('RatingsService');
