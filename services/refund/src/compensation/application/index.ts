export * from './compensation-service';
export * from './compensation.types';
export * from './compensation-handlers';
