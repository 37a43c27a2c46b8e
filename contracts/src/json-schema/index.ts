export * from './documents';
export * from './schema-files';
