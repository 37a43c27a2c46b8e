export * from './order-timer.policy';
export * from './logistics-milestones.policy';
export * from './refund-effects.policy';
