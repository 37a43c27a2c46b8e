export * from './bus-headers';
export * from './event-publisher';
export * from './in-memory-checkpoint-store';
export * from './consumer-support';
export * from './react';
export * from './side-consumer';
