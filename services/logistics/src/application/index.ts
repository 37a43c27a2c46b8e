export * from './logistics-service';
export * from './logistics-service.types';
export * from './shipment-view';
export * from './order-payments';
export * from './command-keys';
export * from './shipment-ids';
export * from './projections/shipments.projection';
export * from './projections/tracking-index.projection';
