export * from './read-models/mongo-read-model-store';
