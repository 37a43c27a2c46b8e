export * from './compensation.module';
export * from './compensations.controller';
export * from './compensation-reactions.controller';
export * from './schemas';
export * from './tokens';
