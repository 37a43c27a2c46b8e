import type { ServiceDefinition } from '@aftersales/nest';
import { createLogisticsService } from './shipments/application';
import { LogisticsModule } from './shipments/http';

/** The logistics service as the composition root builds it; its facade serves the refund service's reissue parcels. */
export const logisticsServiceDefinition: ServiceDefinition = {
  name: 'logistics',
  resources: ['shipments', 'carrier-events'],
  build({ platform }) {
    const service = createLogisticsService(platform);
    return { name: 'logistics', runtimes: [service.runtime], modules: [LogisticsModule.register(service)], sideConsumers: [], facade: service };
  },
};
