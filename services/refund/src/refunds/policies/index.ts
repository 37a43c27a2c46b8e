export * from './refund-timer.policy';
export * from './allowance-timer.policy';
export * from './dispute-money.policy';
export * from './follow-up-refund.policy';
