import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound, type CommandContext } from '@aftersales/kernel';
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
import type { Evidence } from '@aftersales/contracts';
import type { CaseService, DisputeCommandResult } from '../application';
import type { DisputeCase } from '../domain';
import { caseView } from '../projections';
import { CASES_ACCESS } from './cases.access';
import {
  AppealBody,
  AssignmentBody,
  DisputeListSchema,
  DisputeViewSchema,
  EmptyBody,
  EscalationBody,
  EvidenceBody,
  EvidenceRequestBody,
  FollowUpBody,
  GetDisputeParams,
  ListDisputesParams,
  MessageBody,
  OpenDisputeBody,
  RemedyApprovalBody,
  RemedyBody,
  RemedyDeclineBody,
  RulingBody,
  type EvidenceItem,
} from './cases.schemas';
import { CASE_SERVICE_TOKEN } from './cases.tokens';

const evidenceOf = (items: readonly EvidenceItem[] | undefined): Evidence[] | undefined =>
  items?.map(({ kind, ref, note }) => ({ kind, ref, ...(note ? { description: note } : {}) }));

const answer = (res: HttpResponseLike, result: DisputeCommandResult, status = 200) =>
  commandResponse(res, result, (state) => caseView(state as DisputeCase, result.revision), status);

/** The Disputes and complaints rows of the public API. Commands answer with the case, its revision (ETag) and the new event ids. */
@ApiTags('disputes')
@Controller()
@AccessControlled(CASES_ACCESS)
export class CasesController {
  constructor(@Inject(CASE_SERVICE_TOKEN) private readonly cases: CaseService) {}

  @Post('disputes')
  @ApiCommand({
    summary: 'Open a complaint on an order (buyer: own order; shop staff: their shop)',
    description: 'One open case per order and category: 409 dispute.open_case_exists for a second.',
    status: 201,
    response: DisputeViewSchema,
  })
  async open(@ValidBody(OpenDisputeBody) body: OpenDisputeBody, @CommandCtx() ctx: CommandContext, @Res({ passthrough: true }) res: HttpResponseLike) {
    const result = await this.cases.openDispute({ ...body, evidence: evidenceOf(body.evidence) }, ctx);
    const view = caseView(result.state as DisputeCase, result.revision);
    res.setHeader('Location', `/disputes/${view.id}`);
    return answer(res, result, 201);
  }

  @Post('disputes/:disputeId/assignment')
  @ApiCommand({ summary: 'Assign the case (supervisor), or take it (agent)', response: DisputeViewSchema })
  async assign(
    @Param('disputeId') disputeId: string,
    @ValidBody(AssignmentBody) body: AssignmentBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.assignDispute(disputeId, body, ctx));
  }

  @Post('disputes/:disputeId/messages')
  @ApiCommand({
    summary: 'Post a message to the parties or an internal note',
    description: "The shop's first message to the buyer meets the first response; awaitingReply from the shop waits on the buyer (the resolution clock pauses); the buyer's answer resumes it.",
    response: DisputeViewSchema,
  })
  async postMessage(
    @Param('disputeId') disputeId: string,
    @ValidBody(MessageBody) body: MessageBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.postMessage(disputeId, body, ctx));
  }

  @Post('disputes/:disputeId/remedies')
  @ApiCommand({
    summary: 'The shop proposes a remedy',
    description: "Above the rulebook's threshold it waits for a supervisor's approval; never more than the buyer paid (422).",
    status: 201,
    response: DisputeViewSchema,
  })
  async proposeRemedy(
    @Param('disputeId') disputeId: string,
    @ValidBody(RemedyBody) body: RemedyBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.proposeRemedy(disputeId, body, ctx), 201);
  }

  @Post('disputes/:disputeId/remedies/:remedyId/approval')
  @ApiCommand({ summary: 'A supervisor approves (or, with decision rejected and a reason, refuses) a remedy above the threshold', response: DisputeViewSchema })
  async approveRemedy(
    @Param('disputeId') disputeId: string,
    @Param('remedyId') remedyId: string,
    @ValidBody(RemedyApprovalBody) body: RemedyApprovalBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    if (body.decision !== 'rejected') return answer(res, await this.cases.approveRemedy(disputeId, remedyId, {}, ctx));
    if (!body.reason) throw badRequest('A rejection names its reason', [{ field: '/reason', message: 'required' }]);
    return answer(res, await this.cases.rejectRemedy(disputeId, remedyId, { reason: body.reason }, ctx));
  }

  @Post('disputes/:disputeId/remedies/:remedyId/acceptance')
  @ApiCommand({
    summary: 'The buyer accepts a remedy: the case is resolved and the refund service carries out its money part',
    description: 'Moves money (through the refund service): Idempotency-Key required (400 without).',
    response: DisputeViewSchema,
    idempotencyRequired: true,
  })
  async acceptRemedy(
    @Param('disputeId') disputeId: string,
    @Param('remedyId') remedyId: string,
    @ValidBody(EmptyBody) _body: EmptyBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.acceptRemedy(disputeId, remedyId, {}, ctx));
  }

  @Post('disputes/:disputeId/remedies/:remedyId/rejection')
  @ApiCommand({ summary: 'The buyer declines a remedy: the case goes back to the shop', response: DisputeViewSchema })
  async declineRemedy(
    @Param('disputeId') disputeId: string,
    @Param('remedyId') remedyId: string,
    @ValidBody(RemedyDeclineBody) body: RemedyDeclineBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.declineRemedy(disputeId, remedyId, body, ctx));
  }

  @Post('disputes/:disputeId/escalation')
  @ApiCommand({ summary: 'Buyer or shop escalates to a supervisor or to platform arbitration', response: DisputeViewSchema })
  async escalate(
    @Param('disputeId') disputeId: string,
    @ValidBody(EscalationBody) body: EscalationBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.escalateDispute(disputeId, body, ctx));
  }

  @Post('disputes/:disputeId/evidence-requests')
  @ApiCommand({ summary: 'The platform asks a party for evidence, due after dueInHours (default from the rulebook)', status: 201, response: DisputeViewSchema })
  async requestEvidence(
    @Param('disputeId') disputeId: string,
    @ValidBody(EvidenceRequestBody) body: EvidenceRequestBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.requestEvidence(disputeId, body, ctx), 201);
  }

  @Post('disputes/:disputeId/evidence')
  @ApiCommand({
    summary: 'The requested party answers an evidence request',
    description: 'Once per request (409 dispute.evidence_already_submitted); after the due date 422 dispute.evidence_overdue.',
    response: DisputeViewSchema,
  })
  async submitEvidence(
    @Param('disputeId') disputeId: string,
    @ValidBody(EvidenceBody) body: EvidenceBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const items = evidenceOf(body.items) as Evidence[];
    return answer(res, await this.cases.submitEvidence(disputeId, { requestId: body.requestId, items, note: body.note }, ctx));
  }

  @Post('disputes/:disputeId/ruling')
  @ApiCommand({
    summary: 'The platform rules (buyer_wins, merchant_wins, partial)',
    description: 'A buyer-favourable ruling refunds and/or compensates through the refund service; a violation costs the shop penalty points. Idempotency-Key required (400 without).',
    response: DisputeViewSchema,
    idempotencyRequired: true,
  })
  async rule(
    @Param('disputeId') disputeId: string,
    @ValidBody(RulingBody) body: RulingBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.ruleDispute(disputeId, body, ctx));
  }

  @Post('disputes/:disputeId/appeal')
  @ApiCommand({
    summary: 'The losing party appeals, once, within the window: back to arbitration',
    description: '409 dispute.appeal_already_made for a second; 422 dispute.appeal_window_expired when late.',
    response: DisputeViewSchema,
  })
  async appeal(
    @Param('disputeId') disputeId: string,
    @ValidBody(AppealBody) body: AppealBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.appealRuling(disputeId, { reason: body.reason, evidence: evidenceOf(body.evidence) }, ctx));
  }

  @Post('disputes/:disputeId/follow-up')
  @ApiCommand({ summary: "The shop follows up after the resolution and records the buyer's satisfaction: the case closes", response: DisputeViewSchema })
  async followUp(
    @Param('disputeId') disputeId: string,
    @ValidBody(FollowUpBody) body: FollowUpBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return answer(res, await this.cases.followUp(disputeId, body, ctx));
  }

  @Get('disputes')
  @ApiRead({ summary: "Cases in the caller's scope, ordered by their next deadline; overdue=true is the supervisor's overdue view", response: DisputeListSchema })
  async list(@ValidQuery(ListDisputesParams) query: ListDisputesParams, @Caller() caller: Identity) {
    const scope = listScope(caller, query, 'dispute.list_own_shops');
    return this.cases.listCases({ ...query, buyerId: scope.buyerId, shopIds: scope.shopIds });
  }

  @Get('disputes/:disputeId')
  @ApiRead({ summary: 'One case; ?asOf=<instant> answers as it stood then', response: DisputeViewSchema })
  async get(@Param('disputeId') disputeId: string, @ValidQuery(GetDisputeParams) query: GetDisputeParams, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.cases.getCase(disputeId, query.asOf), 'dispute', disputeId);
  }

  @Get('disputes/:disputeId/events')
  @ApiRead({ summary: 'The case’s event stream, each event in its envelope, oldest first' })
  async events(@Param('disputeId') disputeId: string) {
    const events = await this.cases.caseStream(disputeId);
    if (events.length === 0) throw notFound('dispute', disputeId);
    return { disputeId, revision: events[events.length - 1].revision, events };
  }

  @Get('orders/:orderId/disputes')
  @ApiRead({ summary: 'The cases of an order, oldest first', response: DisputeListSchema })
  async listByOrder(@Param('orderId') orderId: string) {
    return this.cases.listCasesByOrder(orderId);
  }
}
