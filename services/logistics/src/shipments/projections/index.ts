export * from './shipment.document';
export * from './shipments.projection';
export * from './tracking-index.projection';
export * from './order-payments.projection';
