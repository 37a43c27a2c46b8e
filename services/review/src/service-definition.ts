import type { ServiceDefinition } from '@aftersales/nest';
import { createReviewService } from './review-service';
import { ReviewModule } from './review.module';

/** The review service as the composition root builds it (its own process and topic in Kafka mode). */
export const reviewServiceDefinition: ServiceDefinition = {
  name: 'review',
  resources: ['reviews', 'orders/*/review', 'shops/*/reviews', 'shops/*/rating', 'review-follow-ups'],
  build({ platform }) {
    const service = createReviewService(platform);
    return { name: 'review', runtimes: service.runtimes, modules: [ReviewModule.register(service)], sideConsumers: [], facade: service };
  },
};
