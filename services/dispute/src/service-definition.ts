import type { ServiceDefinition } from '@aftersales/nest';
import { createDisputeService } from './dispute-service';
import { DisputeModule } from './dispute.module';

/** The dispute service as the composition root builds it (its own process and topic in Kafka mode). */
export const disputeServiceDefinition: ServiceDefinition = {
  name: 'dispute',
  resources: ['disputes'],
  build({ platform }) {
    const service = createDisputeService(platform);
    return { name: 'dispute', runtimes: service.runtimes, modules: [DisputeModule.register(service)], sideConsumers: [], facade: service };
  },
};
