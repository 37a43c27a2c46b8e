export * from './logistics-service';
export * from './shipments.types';
export * from './logistics-actors';
export * from './shipment-ids';
