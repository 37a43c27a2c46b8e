export * from './case.document';
export * from './cases.projection';
export * from './order-facts.projection';
export * from './case.view';
