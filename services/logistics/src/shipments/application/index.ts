export * from './logistics-service';
export * from './logistics-service.types';
export * from './refund-reactions';
export * from './command-keys';
export * from './shipment-ids';
