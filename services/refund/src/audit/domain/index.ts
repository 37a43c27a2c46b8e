export * from './recompute';
