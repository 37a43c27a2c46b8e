import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@aftersales/kernel';
import {
  AccessControlled,
  ApiCommand,
  ApiRead,
  Caller,
  CommandCtx,
  commandResponse,
  inScope,
  listScope,
  resourceResponse,
  ValidBody,
  ValidQuery,
  type HttpResponseLike,
  type Identity,
} from '@aftersales/nest';
import { payoutStateView, type PayoutService } from '../application';
import { PAYOUT_SERVICE_TOKEN } from './payouts.tokens';
import { ListPayoutsQuery, PayoutPageSchema, PayoutViewSchema, RetryPayoutBody } from './payouts.schemas';
import { PAYOUTS_ACCESS } from './payouts.access';

/** Finance: where a money movement stands (pending with its last error and next attempt, paid, or given up), and re-drives. */
@ApiTags('ledger')
@Controller('payouts')
@AccessControlled(PAYOUTS_ACCESS)
export class PayoutsController {
  constructor(@Inject(PAYOUT_SERVICE_TOKEN) private readonly payouts: PayoutService) {}

  @Get()
  @ApiRead({
    summary: 'Payouts by status and/or order, ordered by id (status=failed: the given-up ones waiting for finance)',
    description: "Finance and platform see every shop's; a supervisor only their shops' (a page may then hold fewer than `limit`).",
    response: PayoutPageSchema,
  })
  async list(@ValidQuery(ListPayoutsQuery) query: ListPayoutsQuery, @Caller() caller: Identity) {
    const page = await this.payouts.listPayouts(query);
    const scope = listScope(caller, {}, 'payout.read_by_finance');
    return { ...page, items: page.items.filter((payout) => inScope(scope, payout)) };
  }

  @Get(':payoutId')
  @ApiRead({ summary: 'One payout: status, attempts, last error, next attempt, provider reference, re-drives', response: PayoutViewSchema })
  async get(@Param('payoutId') payoutId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.payouts.getPayout(payoutId), 'payout', payoutId);
  }

  @Post(':payoutId/retry')
  @ApiCommand({
    summary: 'Re-drive a payout that was given up (finance or supervisor): pending again with a fresh attempt budget, attempted at once',
    description:
      'Same idempotency key at the provider (the payout id), so it cannot pay twice. 409 payout.not_failed while it is pending or paid. Moves money: Idempotency-Key required (400 without).',
    response: PayoutViewSchema,
    idempotencyRequired: true,
  })
  async retry(
    @Param('payoutId') payoutId: string,
    @ValidBody(RetryPayoutBody) body: RetryPayoutBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.payouts.retry(payoutId, body, ctx), payoutStateView);
  }
}
