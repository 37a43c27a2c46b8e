export * from './engine';
export * from './runtime-without-timers';
