/*
 * @aftersales/dispute: complaint and dispute cases (cases/), composed in dispute-service.ts.
 */
export * from './cases';
export * from './dispute-service';
export * from './dispute.module';
export * from './service-definition';
