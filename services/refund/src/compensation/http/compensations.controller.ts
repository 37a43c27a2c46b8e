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
import type { CompensationService } from '../application';
import { ApprovalBody, CompensationsPageSchema, CompensationViewSchema, ListCompensationsParams, ProposeCompensationBody, RejectionBody } from './compensations.schemas';
import { COMPENSATION_SERVICE_TOKEN } from './compensation.tokens';
import { COMPENSATIONS_ACCESS } from './compensations.access';

/** Compensation decisions: proposed by agents (computed by the rulebook), approved by supervisors, read by everyone. */
@ApiTags('compensations')
@Controller()
@AccessControlled(COMPENSATIONS_ACCESS)
export class CompensationsController {
  constructor(@Inject(COMPENSATION_SERVICE_TOKEN) private readonly compensations: CompensationService) {}

  @Post('compensations')
  @ApiCommand({
    summary: 'Propose a compensation (agent): computed from the order by the current rulebook; goodwill names its amount',
    status: 201,
    response: CompensationViewSchema,
    idempotencyRequired: true,
  })
  async propose(@ValidBody(ProposeCompensationBody) body: ProposeCompensationBody, @CommandCtx() ctx: CommandContext, @Res({ passthrough: true }) res: HttpResponseLike) {
    if (body.kind === 'goodwill' && body.amount === undefined) throw badRequest('A goodwill remedy names its amount', [{ field: '/amount', message: 'required for goodwill' }]);
    if (body.kind !== 'goodwill' && body.amount !== undefined) {
      throw badRequest(`A ${body.kind} compensation is computed by its rule`, [{ field: '/amount', message: 'only for goodwill; the rule computes the others' }]);
    }
    const result = await this.compensations.propose(body, ctx);
    const view = this.compensations.view(result.state);
    res.setHeader('Location', `/compensations/${view.id}`);
    return commandResponse(res, result, this.compensations.view, 201);
  }

  @Post('compensations/:compensationId/approval')
  @ApiCommand({ summary: 'Approve a compensation above the threshold (supervisor); it is paid out next', response: CompensationViewSchema, idempotencyRequired: true })
  async approve(
    @Param('compensationId') compensationId: string,
    @ValidBody(ApprovalBody) body: ApprovalBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.compensations.approve(compensationId, body, ctx), this.compensations.view);
  }

  @Post('compensations/:compensationId/rejection')
  @ApiCommand({ summary: 'Refuse a compensation that needs approval (supervisor); nothing is paid', response: CompensationViewSchema })
  async reject(
    @Param('compensationId') compensationId: string,
    @ValidBody(RejectionBody) body: RejectionBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.compensations.reject(compensationId, body, ctx), this.compensations.view);
  }

  @Get('compensations')
  @ApiRead({
    response: CompensationsPageSchema,
    summary: 'List compensations by status, shop and order, a page at a time in id order, e.g. status=awaiting_approval for a supervisor',
    description:
      'Only what the caller may see: a buyer their own; shop staff their shop (shopId outside their shops: 403; without shopId, their shop, ' +
      'or 400 when they work for several); platform and finance every shop.',
  })
  async list(@ValidQuery(ListCompensationsParams) query: ListCompensationsParams, @Caller() caller: Identity) {
    const scope = listScope(caller, query, 'compensation.list_own_shops');
    if (scope.shopIds && scope.shopIds.length !== 1) {
      if (scope.shopIds.length === 0) return { items: [] };
      throw badRequest('Name one of your shops', [{ field: '/shopId', message: `one of ${scope.shopIds.join(', ')}` }]);
    }
    return this.compensations.listCompensations({ ...query, buyerId: scope.buyerId, shopId: scope.shopIds?.[0] ?? query.shopId });
  }

  @Get('compensations/:compensationId')
  @ApiRead({ summary: 'One compensation: amount, status, rule and version, the events it was computed from, the arithmetic', response: CompensationViewSchema })
  async get(@Param('compensationId') compensationId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.compensations.getCompensation(compensationId), 'compensation', compensationId);
  }

  @Get('orders/:orderId/compensations')
  @ApiRead({ summary: 'Every compensation of an order' })
  async forOrder(@Param('orderId') orderId: string) {
    const items = await this.compensations.listForOrder(orderId);
    return { orderId, items };
  }
}
