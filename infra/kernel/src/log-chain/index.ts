export * from './chain-hash';
