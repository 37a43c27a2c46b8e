export * from './journal';
export * from './reconcile';
export * from './csv';
export * from './ledger-projection';
export * from './ledger-queries';
export * from './http';
