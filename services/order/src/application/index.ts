export * from './order-service';
export * from './order-document';
export * from './orders-projection';
export * from './logistics-reactions';
export * from './refund-reactions';
export * from './command-keys';
export * from './order-ids';
