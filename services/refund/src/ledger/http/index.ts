export * from './ledger.controller';
