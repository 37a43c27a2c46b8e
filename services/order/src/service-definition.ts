import type { ServiceDefinition } from '@aftersales/nest';
import { createOrderService } from './orders/application';
import { OrderModule } from './orders/http';

/** The order service as the composition root builds it. */
export const orderServiceDefinition: ServiceDefinition = {
  name: 'order',
  resources: ['orders'],
  build({ platform }) {
    const service = createOrderService(platform);
    return { name: 'order', runtimes: [service.runtime], modules: [OrderModule.register(service)], sideConsumers: [], facade: service };
  },
};
