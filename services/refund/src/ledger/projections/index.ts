export * from './ledger.projection';
