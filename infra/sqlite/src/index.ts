export * from './database/open-database';
export * from './event-store/sqlite-event-store';
export * from './read-models/sqlite-read-model-store';
export * from './timers/sqlite-timer-store';
export * from './bus';
export * from './keys/sqlite-key-store';
