export * from './ratings.access';
export * from './ratings.module';
export * from './ratings.schemas';
export * from './ratings.tokens';
export * from './shop-rating.controller';
