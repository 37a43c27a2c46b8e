export * from './dispute-service-name';
export * from './dispute-timer.policy';
export * from './refund-escalation.policy';
