export * from './cases.module';
export * from './cases.tokens';
