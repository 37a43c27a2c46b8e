import { Module } from '@nestjs/common';
import { CapabilityModule, type CapabilityModuleOptions } from '@aftersales/nest';
import type { ReviewsService } from '../application';
import { ReviewReactionsController } from './review-reactions.controller';
import { ReviewsController } from './reviews.controller';
import { REVIEWS_SERVICE_TOKEN } from './reviews.tokens';

/** `reactions`: the bus reactions to order events. */
export type ReviewsModuleOptions = CapabilityModuleOptions;

/** The reviews capability's edge: its HTTP controllers and bus reactions on the facade built by createReviewsService. */
@Module({})
export class ReviewsModule extends CapabilityModule<ReviewsService>({
  token: REVIEWS_SERVICE_TOKEN,
  controllers: [ReviewsController],
  reactions: ReviewReactionsController,
}) {}
