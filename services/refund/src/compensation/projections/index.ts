export * from './compensation-view';
export * from './compensations.projection';
export * from './order-facts.projection';
