export * from './store-harness';
export * from './sample-events';
export * from './event-store.contract';
export * from './read-model-store.contract';
export * from './timer-store.contract';
export * from './message-bus.contract';
export * from './given-decider';
