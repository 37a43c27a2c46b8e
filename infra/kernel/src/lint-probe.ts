import { orderServiceDefinition } from '@aftersales/order';

export const probe = orderServiceDefinition;
