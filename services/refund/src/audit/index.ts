export * from './recompute';
export * from './log-scan';
export * from './source-events-projection';
export * from './compensation-audit';
export * from './http';
