import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound, type CommandContext } from '@aftersales/kernel';
import {
  AccessControlled,
  ApiCommand,
  ApiRead,
  Caller,
  CommandCtx,
  listScope,
  commandResponse,
  resourceResponse,
  ValidBody,
  ValidQuery,
  type HttpResponseLike,
  type Identity,
} from '@aftersales/nest';
import type { Actor } from '@aftersales/contracts';
import type { ReviewCommandResult, ReviewsService } from '../application';
import type { Review } from '../domain';
import { reviewView, type ReviewAudience } from '../projections';
import { REVIEWS_ACCESS } from './reviews.access';
import {
  AppealBody,
  AppealDecisionBody,
  ExplanationBody,
  FollowUpReviewBody,
  ListReviewsParams,
  ListShopReviewsParams,
  ModerationBody,
  PostReviewBody,
  ReviewListSchema,
  ReviewViewSchema,
  RevisionBody,
} from './reviews.schemas';
import { REVIEWS_SERVICE_TOKEN } from './reviews.tokens';

/** The buyer and the platform see the buyer's texts held or rejected; the shop's staff (and finance) see them withheld. */
const audienceOf = (caller: Pick<Actor, 'role'>): ReviewAudience =>
  caller.role === 'buyer' || caller.role === 'platform' ? 'full' : 'public';

const answer = (res: HttpResponseLike, result: ReviewCommandResult, ctx: CommandContext, status = 200) =>
  commandResponse(res, result, (state) => reviewView(state as Review, result.revision, audienceOf(ctx.actor)), status);

/** The Reviews rows of the public API. Commands answer with the review, its revision (ETag) and the new event ids. */
@ApiTags('reviews')
@Controller()
@AccessControlled(REVIEWS_ACCESS)
export class ReviewsController {
  constructor(@Inject(REVIEWS_SERVICE_TOKEN) private readonly reviews: ReviewsService) {}

  @Post('reviews')
  @ApiCommand({
    summary: 'The buyer reviews a completed order (once, within the rulebook window)',
    description:
      '422 review.order_not_completed before completion, review.window after 15 days, review.text_required for a neutral or negative review without text, review.text above 500 characters; 409 review.already_posted for a second. A text matching a moderation rule is held (status held, moderation.hold naming the rule and rulebook version) until the platform moderates it.',
    status: 201,
    response: ReviewViewSchema,
  })
  async post(
    @ValidBody(PostReviewBody) body: PostReviewBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const result = await this.reviews.postReview(body, ctx);
    res.setHeader('Location', `/reviews/${(result.state as Review).id}`);
    return answer(res, result, ctx, 201);
  }

  @Post('reviews/:reviewId/moderation')
  @ApiCommand({
    summary: 'The platform publishes or rejects a held text of the review',
    description: '409 review.nothing_held when nothing (or not that text) is held.',
    response: ReviewViewSchema,
  })
  async moderate(
    @Param('reviewId') reviewId: string,
    @ValidBody(ModerationBody) body: ModerationBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.reviews.moderateReview(reviewId, body, ctx), ctx);
  }

  @Post('reviews/:reviewId/explanation')
  @ApiCommand({
    summary: "The shop's one explanation (moderated too)",
    description:
      '422 review.explanation_once, review.explanation_after_follow_up_review, review.explanation (after 30 days); 409 review.not_published.',
    status: 201,
    response: ReviewViewSchema,
  })
  async explain(
    @Param('reviewId') reviewId: string,
    @ValidBody(ExplanationBody) body: ExplanationBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.reviews.postExplanation(reviewId, body, ctx), ctx, 201);
  }

  @Post('reviews/:reviewId/follow-up-review')
  @ApiCommand({
    summary: "The buyer's one follow-up review (追评), within 180 days of completion (moderated too)",
    description: '422 review.follow_up_review_once, review.follow_up_review (late).',
    status: 201,
    response: ReviewViewSchema,
  })
  async followUpReview(
    @Param('reviewId') reviewId: string,
    @ValidBody(FollowUpReviewBody) body: FollowUpReviewBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.reviews.postFollowUpReview(reviewId, body, ctx), ctx, 201);
  }

  @Post('reviews/:reviewId/revision')
  @ApiCommand({
    summary: 'The buyer revises a neutral or negative review: once, within 30 days, only upwards',
    description: '422 review.revision_once, review.revision_upwards_only, review.revision (late).',
    response: ReviewViewSchema,
  })
  async revise(
    @Param('reviewId') reviewId: string,
    @ValidBody(RevisionBody) body: RevisionBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.reviews.reviseReview(reviewId, body, ctx), ctx);
  }

  @Post('reviews/:reviewId/appeal')
  @ApiCommand({
    summary: 'The shop appeals a malicious review, with evidence (once)',
    description: '409 review.appeal_once for a second.',
    status: 201,
    response: ReviewViewSchema,
  })
  async appeal(
    @Param('reviewId') reviewId: string,
    @ValidBody(AppealBody) body: AppealBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const evidence = body.evidence.map(({ kind, ref, note }) => ({ kind, ref, ...(note ? { description: note } : {}) }));
    return answer(res, await this.reviews.appealReview(reviewId, { reason: body.reason, grounds: body.grounds, evidence }, ctx), ctx, 201);
  }

  @Post('reviews/:reviewId/appeal/decision')
  @ApiCommand({
    summary: "The platform decides the shop's appeal: upheld hides the review (no longer counted)",
    description: '409 review.no_appeal_pending.',
    response: ReviewViewSchema,
  })
  async decideAppeal(
    @Param('reviewId') reviewId: string,
    @ValidBody(AppealDecisionBody) body: AppealDecisionBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.reviews.decideAppeal(reviewId, body, ctx), ctx);
  }

  @Get('reviews/:reviewId')
  @ApiRead({ summary: 'One review', response: ReviewViewSchema })
  async get(@Param('reviewId') reviewId: string, @Caller() caller: Identity, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.reviews.getReview(reviewId, audienceOf(caller)), 'review', reviewId);
  }

  @Get('reviews')
  @ApiRead({
    summary: 'Reviews across shops: the platform’s moderation queue (moderation=pending or status=held) and appeals waiting (appeal=pending)',
    description: "Shop staff see their shops' reviews (shopId outside them: 403), the platform and finance every shop's. Ordered by id; nextCursor pages on.",
    response: ReviewListSchema,
  })
  async list(@ValidQuery(ListReviewsParams) query: ListReviewsParams, @Caller() caller: Identity) {
    const { shopIds } = listScope(caller, query, REVIEWS_ACCESS.operations.list.rule);
    const { shopId: _shopId, ...filters } = query;
    return this.reviews.listReviews({ ...filters, ...(shopIds ? { shopIds } : {}) }, audienceOf(caller));
  }

  @Get('orders/:orderId/review')
  @ApiRead({ summary: 'The review of an order (404 when its buyer has not reviewed it)', response: ReviewViewSchema })
  async getByOrder(@Param('orderId') orderId: string, @Caller() caller: Identity, @Res({ passthrough: true }) res: HttpResponseLike) {
    const review = await this.reviews.getReviewOfOrder(orderId, audienceOf(caller));
    if (!review) throw notFound('review of order', orderId);
    return resourceResponse(res, review, 'review', orderId);
  }

  @Get('shops/:shopId/reviews')
  @ApiRead({ summary: "A shop's reviews (shop staff, platform, finance), filtered by rating and status", response: ReviewListSchema })
  async listByShop(
    @Param('shopId') shopId: string,
    @ValidQuery(ListShopReviewsParams) query: ListShopReviewsParams,
    @Caller() caller: Identity,
  ) {
    return this.reviews.listShopReviews({ ...query, shopId }, audienceOf(caller));
  }
}
