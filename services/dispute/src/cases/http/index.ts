export * from './cases.module';
export * from './cases.tokens';
export * from './cases.access';
export * from './cases.controller';
export * from './case-reactions.controller';
