export * from './penalties.types';
export * from './penalty-handler';
export * from './violation.reactions';
export * from './penalty.timers';
export * from './penalty-points.queries';
export * from './penalty-audit';
export * from './penalties-service';
