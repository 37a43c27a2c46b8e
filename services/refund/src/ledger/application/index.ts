export * from './ledger.queries';
export * from './ledger-cursor';
export * from './ledger-runtime';
