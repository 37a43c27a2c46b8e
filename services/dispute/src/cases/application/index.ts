export * from './case-service';
export * from './cases.queries';
export * from './cases.types';
export * from './dispute-actors';
export * from './dispute-handler';
export * from './intake.commands';
export * from './reaction-outcome';
