// Throwaway: infra reaching into a service; lint must refuse it.
import { orderServiceDefinition } from '@aftersales/order';

export const lintProofService = orderServiceDefinition;
