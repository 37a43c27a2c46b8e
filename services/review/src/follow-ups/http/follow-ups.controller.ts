import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@aftersales/kernel';
import {
  AccessControlled,
  ApiCommand,
  ApiRead,
  badRequest,
  Caller,
  CommandCtx,
  commandResponse,
  listScope,
  resourceResponse,
  ValidBody,
  ValidQuery,
  type HttpResponseLike,
  type Identity,
} from '@aftersales/nest';
import type { FollowUpCommandResult, FollowUpService } from '../application';
import type { FollowUp } from '../domain';
import { followUpView } from '../projections';
import { FOLLOW_UPS_ACCESS } from './follow-ups.access';
import {
  ClosureBody,
  ContactBody,
  FollowUpListSchema,
  FollowUpRemedyApprovalBody,
  FollowUpRemedyBody,
  FollowUpViewSchema,
  ListFollowUpsParams,
} from './follow-ups.schemas';
import { FOLLOW_UP_SERVICE_TOKEN } from './follow-ups.tokens';

const answer = (res: HttpResponseLike, result: FollowUpCommandResult, status = 200) =>
  commandResponse(res, result, (state) => followUpView(state as FollowUp, result.revision), status);

/** The bad-review follow-up rows of the public API. Commands answer with the follow-up, its revision (ETag) and the new event ids. */
@ApiTags('review-follow-ups')
@Controller()
@AccessControlled(FOLLOW_UPS_ACCESS)
export class FollowUpsController {
  constructor(@Inject(FOLLOW_UP_SERVICE_TOKEN) private readonly followUps: FollowUpService) {}

  @Post('review-follow-ups/:followUpId/contact')
  @ApiCommand({
    summary: "The shop's first contact with the buyer about the review",
    description: 'Once (409 review_follow_up.already_contacted); records whether it came by the first-contact deadline.',
    response: FollowUpViewSchema,
  })
  async contact(
    @Param('followUpId') followUpId: string,
    @ValidBody(ContactBody) body: ContactBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.followUps.contactBuyer(followUpId, body, ctx));
  }

  @Post('review-follow-ups/:followUpId/remedies')
  @ApiCommand({
    summary: 'The shop offers a remedy (goodwill credit, resend, partial refund, explanation)',
    description:
      "A goodwill credit is a compensation decision and a partial refund a refund, both paid by the refund service naming the follow-up, once per follow-up (the same one again changes nothing; another is 409). A goodwill credit above the rulebook threshold waits for a supervisor's approval.",
    status: 201,
    response: FollowUpViewSchema,
  })
  async proposeRemedy(
    @Param('followUpId') followUpId: string,
    @ValidBody(FollowUpRemedyBody) body: FollowUpRemedyBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.followUps.proposeRemedy(followUpId, body, ctx), 201);
  }

  @Post('review-follow-ups/:followUpId/remedies/:remedyId/approval')
  @ApiCommand({ summary: 'A supervisor approves (or, with decision rejected and a reason, refuses) a goodwill credit above the threshold', response: FollowUpViewSchema })
  async approveRemedy(
    @Param('followUpId') followUpId: string,
    @Param('remedyId') remedyId: string,
    @ValidBody(FollowUpRemedyApprovalBody) body: FollowUpRemedyApprovalBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    if (body.decision === 'rejected' && !body.reason) throw badRequest('A rejection names its reason', [{ field: '/reason', message: 'required' }]);
    return answer(res, await this.followUps.decideRemedy(followUpId, remedyId, { decision: body.decision ?? 'approved', reason: body.reason }, ctx));
  }

  @Post('review-follow-ups/:followUpId/closure')
  @ApiCommand({ summary: 'The shop closes the follow-up: explained, unresolved or appealed', response: FollowUpViewSchema })
  async close(
    @Param('followUpId') followUpId: string,
    @ValidBody(ClosureBody) body: ClosureBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.followUps.closeFollowUp(followUpId, body, ctx));
  }

  @Get('review-follow-ups')
  @ApiRead({ summary: "Follow-ups in the caller's scope, ordered by their next deadline; overdue=true is the supervisor's overdue view", response: FollowUpListSchema })
  async list(@ValidQuery(ListFollowUpsParams) query: ListFollowUpsParams, @Caller() caller: Identity) {
    const scope = listScope(caller, query, 'review_follow_up.list_own_shops');
    return this.followUps.listFollowUps({ ...query, buyerId: scope.buyerId, shopIds: scope.shopIds });
  }

  @Get('review-follow-ups/:followUpId')
  @ApiRead({ summary: 'One follow-up', response: FollowUpViewSchema })
  async get(@Param('followUpId') followUpId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.followUps.getFollowUp(followUpId), 'review follow-up', followUpId);
  }
}
