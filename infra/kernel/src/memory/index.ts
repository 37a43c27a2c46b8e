export * from './in-memory-event-store';
export * from './in-memory-read-model-store';
export * from './in-memory-timer-store';
export * from './in-memory-key-store';
