export * from './logistics.module';
export * from './shipments.controller';
export * from './logistics-reactions.controller';
export * from './logistics.tokens';
export * from './shipments.schemas';
