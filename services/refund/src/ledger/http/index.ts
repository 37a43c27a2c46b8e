export * from './ledger.controller';
export * from './ledger.schemas';
export * from './ledger.tokens';
export * from './ledger.module';
