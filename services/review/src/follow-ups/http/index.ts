export * from './follow-ups.access';
export * from './follow-ups.module';
export * from './follow-ups.tokens';
