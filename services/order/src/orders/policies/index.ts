export * from './order-timers.policy';
export * from './logistics-milestones.policy';
export * from './refund-effects.policy';
