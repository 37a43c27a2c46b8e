export * from './penalties.tokens';
export * from './penalties.access';
export * from './penalties.schemas';
export * from './penalty-points.controller';
export * from './penalty-audit.controller';
export * from './penalty-reactions.controller';
export * from './penalties.module';
