export * from './embedded-bus.context';
export * from './embedded-bus.transport';
export * from './serial-bus-consumer';
