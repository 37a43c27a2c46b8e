export * from './compensation-service';
