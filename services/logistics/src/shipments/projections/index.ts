export * from './shipment-view';
export * from './shipments.projection';
export * from './tracking-index.projection';
export * from './order-payments.projection';
