import 'reflect-metadata';
export * from './http';
export * from './ops';
export * from './transport';
export * from './service';
export * from './auth';
