import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { AccessControlled, ValidBody } from '@aftersales/nest';
import type { FakePaymentProvider } from '../adapters/fake-payment-provider';
import { FAKE_PAYMENT_PROVIDER_TOKEN } from './payouts.tokens';
import { FAKE_PAYMENT_PROVIDER_ACCESS } from './payouts.access';

const count = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description }));
const FaultsBody = Type.Object(
  {
    reject: count('Next N calls refused for good (account closed)'),
    fail: count('Next N calls fail without paying (provider unavailable)'),
    timeOut: count('Next N calls pay, then lose the answer (timeout)'),
    hang: count('Next N calls pay, then never answer'),
    clear: Type.Optional(Type.Boolean({ description: 'Drop every pending fault first' })),
  },
  { additionalProperties: false },
);
type FaultsBody = Static<typeof FaultsBody>;

/** Only mounted with the embedded fake provider: what it paid, and fault injection for demos and tests. */
@ApiTags('operations')
@Controller('admin/payment-provider')
@AccessControlled(FAKE_PAYMENT_PROVIDER_ACCESS)
export class FakePaymentProviderController {
  constructor(@Inject(FAKE_PAYMENT_PROVIDER_TOKEN) private readonly provider: FakePaymentProvider) {}

  @Get('payments')
  @ApiOperation({ summary: 'Every payment the fake provider made (one per idempotency key)' })
  payments() {
    const payments = this.provider.payments();
    return { calls: this.provider.calls(), count: payments.length, total: payments.reduce((s, p) => s + p.amount, 0), payments };
  }

  @Post('faults')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make the next calls fail, time out or hang' })
  faults(@ValidBody(FaultsBody) body: FaultsBody) {
    const { clear, ...faults } = body;
    if (clear) this.provider.clearFaults();
    return { pending: this.provider.inject(faults) };
  }
}
