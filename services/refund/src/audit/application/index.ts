export * from './compensation-audit';
export * from './log-scan';
export * from './audit-runtime';
