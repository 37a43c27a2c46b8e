export * from './shipment-state';
export * from './shipment-commands';
export * from './shipment-rules';
export * from './shipment-decider';
export * from './carrier-scan';
export * from './tracking-history';
export * from './tracking-key';
export * from './evolve-shipment';
