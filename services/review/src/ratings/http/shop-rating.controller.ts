import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessControlled, ApiRead } from '@aftersales/nest';
import type { RatingsService } from '../application';
import { RATINGS_ACCESS } from './ratings.access';
import { ShopRatingViewSchema } from './ratings.schemas';
import { RATINGS_SERVICE_TOKEN } from './ratings.tokens';

/** The shop's rating (counts, score, positive rate) and its bad-review follow-up figures. */
@ApiTags('reviews')
@Controller()
@AccessControlled(RATINGS_ACCESS)
export class ShopRatingController {
  constructor(@Inject(RATINGS_SERVICE_TOKEN) private readonly ratings: RatingsService) {}

  @Get('shops/:shopId/rating')
  @ApiRead({
    summary: "A shop's counts per rating, score and positive rate over counted reviews, and its follow-ups: opened, contacted in time, revised upwards, median minutes to first contact",
    response: ShopRatingViewSchema,
  })
  async shopRating(@Param('shopId') shopId: string) {
    return this.ratings.getShopRating(shopId);
  }
}
