export * from './audit.controller';
export * from './audit.schemas';
export * from './audit.tokens';
export * from './audit.module';
