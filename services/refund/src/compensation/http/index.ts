export * from './compensation.module';
export * from './compensations.controller';
export * from './compensation-reactions.controller';
export * from './compensations.schemas';
export * from './compensation.tokens';
