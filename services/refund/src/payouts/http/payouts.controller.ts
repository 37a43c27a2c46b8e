import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRead, resourceResponse, type HttpResponseLike } from '@aftersales/nest';
import type { PayoutService } from '../application';

export const PAYOUT_SERVICE_TOKEN = Symbol('PayoutService');

/** Finance: where a money movement stands (pending with its last error and next attempt, paid, or given up). */
@ApiTags('ledger')
@Controller('payouts')
export class PayoutsController {
  constructor(@Inject(PAYOUT_SERVICE_TOKEN) private readonly payouts: PayoutService) {}

  @Get(':payoutId')
  @ApiRead({ summary: 'One payout: status, attempts, last error, next attempt, provider reference' })
  async get(@Param('payoutId') payoutId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.payouts.getPayout(payoutId), 'payout', payoutId);
  }
}
