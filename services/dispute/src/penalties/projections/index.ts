export * from './penalty-points.document';
export * from './penalty-points.projection';
