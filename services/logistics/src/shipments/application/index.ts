export * from './logistics-service';
export * from './logistics-service.types';
export * from './logistics-actors';
export * from './shipment-ids';
