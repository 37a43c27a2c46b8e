export * from './dispute-compensation.policy';
