export * from './case-service';
export * from './cases.types';
export * from './dispute-handler';
export * from './dispute-ids';
