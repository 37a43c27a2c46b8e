export * from './reviews.module';
export * from './reviews.tokens';
export * from './review-reactions.controller';
export * from './reviews.access';
export * from './reviews.controller';
export * from './reviews.schemas';
