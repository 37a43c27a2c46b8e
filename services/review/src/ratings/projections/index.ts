export * from './shop-rating.document';
export * from './shop-ratings.projection';
