import { Module, type DynamicModule } from '@nestjs/common';
import type { CapabilityModuleOptions } from '@aftersales/nest';
import { FollowUpsModule } from './follow-ups/http';
import { RatingsModule } from './ratings/http';
import { ReviewsModule } from './reviews/http';
import type { ReviewService } from './review-service';

export type ReviewModuleOptions = CapabilityModuleOptions;

/** The review service's edge: the module of each capability, on the facades built by createReviewService. */
@Module({})
export class ReviewModule {
  static register(service: ReviewService, options: ReviewModuleOptions = {}): DynamicModule {
    const reactions = { reactions: options.reactions };
    return {
      module: ReviewModule,
      imports: [ReviewsModule.register(service.reviews, reactions), FollowUpsModule.register(service.followUps, reactions), RatingsModule.register(service.ratings)],
    };
  }
}
