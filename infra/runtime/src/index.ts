export * from './config';
export * from './engine';
export * from './app';
export * from './embedded-platform';
export * from './manual-clock-file';
