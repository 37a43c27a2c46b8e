export * from './identity';
export * from './access-table';
export * from './access.guard';
export * from './ownership';
export * from './caller.decorator';
export * from './list-scope';
export * from './access-openapi';
