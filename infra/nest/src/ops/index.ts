export * from './tokens';
export * from './health.controller';
export * from './clock.controller';
export * from './projections.controller';
export * from './ops.module';
export * from './log-audit.controller';
