export * from './recompute';
export * from './log-scan';
export * from './compensation-audit';
export * from './http';
