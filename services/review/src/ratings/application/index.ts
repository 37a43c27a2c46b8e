export * from './ratings-service';
