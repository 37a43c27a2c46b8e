export * from './shipments.module';
export * from './shipments.controller';
export * from './shipment-reactions.controller';
export * from './shipments.tokens';
export * from './shipments.schemas';
