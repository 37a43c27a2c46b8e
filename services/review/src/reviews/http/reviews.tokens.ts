/** DI token of the reviews capability's facade. */
export const REVIEWS_SERVICE_TOKEN = Symbol('ReviewsService');
