export * from './event-store/kurrent-event-store';
