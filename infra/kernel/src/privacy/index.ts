export * from './field-cipher';
export * from './keyring';
export * from './sealed-fields';
export * from './protected-event-store';
export * from './opening-message-bus';
