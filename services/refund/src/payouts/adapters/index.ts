export * from './fake-payment-provider';
