export * from './journal';
export * from './reconcile';
export * from './csv';
