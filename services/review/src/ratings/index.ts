/* The shop's rating and follow-up figures: read models over the review service's log. */
export * from './application';
export * from './http';
export * from './projections';
