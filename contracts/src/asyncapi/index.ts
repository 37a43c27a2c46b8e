export * from './document';
export * from './example-envelope';
export * from './yaml';
