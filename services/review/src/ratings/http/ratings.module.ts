import { Module } from '@nestjs/common';
import { CapabilityModule } from '@aftersales/nest';
import type { RatingsService } from '../application';
import { RATINGS_SERVICE_TOKEN } from './ratings.tokens';
import { ShopRatingController } from './shop-rating.controller';

/** GET /shops/{shopId}/rating. */
@Module({})
export class RatingsModule extends CapabilityModule<RatingsService>({
  token: RATINGS_SERVICE_TOKEN,
  controllers: [ShopRatingController],
}) {}
