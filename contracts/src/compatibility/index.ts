export * from './schema-compatibility';
export * from './published-contracts';
