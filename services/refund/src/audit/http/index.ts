export * from './audit.controller';
