export * from './payment-provider';
export * from './fake-payment-provider';
