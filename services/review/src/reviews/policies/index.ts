export * from './review-service-name';
export * from './moderate-text';
