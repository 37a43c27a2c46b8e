export * from './penalty-timer.policy';
export * from './violation-sources.policy';
