export * from './compensation.document';
export * from './compensations.projection';
export * from './order-facts.projection';
export * from './remedy-approvals.projection';
