export * from './reviews.module';
export * from './reviews.tokens';
export * from './review-reactions.controller';
