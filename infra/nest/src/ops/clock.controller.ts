import { AccessControlled } from '../auth/access-table';
import { CLOCK_ACCESS } from './ops.access';
import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { ValidBody } from '../http/valid-input.decorators';
import { badRequest } from '../http/problem';
import { TIME_TRAVEL, type TimeTravel } from './tokens';

const amount = (unit: string) => Type.Optional(Type.Number({ minimum: 0, description: `${unit} to move forward` }));

export const AdvanceClockSchema = Type.Object(
  { days: amount('Days'), hours: amount('Hours'), minutes: amount('Minutes') },
  { additionalProperties: false },
);
export type AdvanceClock = Static<typeof AdvanceClockSchema>;

const MINUTE = 60_000;
/** Ten years: more is a typo, and a date that far out breaks ISO strings soon after. */
const MAX_ADVANCE_MS = 3_660 * 24 * 60 * MINUTE;

/** Milliseconds to move forward; 400 when nothing would move or the jump is absurd. */
export function advanceMillis(body: AdvanceClock): number {
  const { days = 0, hours = 0, minutes = 0 } = body;
  if (days <= 0 && hours <= 0 && minutes <= 0) {
    throw badRequest('Say how far to move the clock', [{ field: '/', message: 'at least one of days, hours, minutes must be > 0' }]);
  }
  const ms = Math.round(((days * 24 + hours) * 60 + minutes) * MINUTE);
  if (ms > MAX_ADVANCE_MS) {
    throw badRequest('The clock moves at most 3660 days at once', [{ field: '/', message: `at most ${MAX_ADVANCE_MS} ms in total` }]);
  }
  return ms;
}

/** Only mounted when AFTERSALES_CLOCK=manual: demos and tests move business time. */
@Controller('admin/clock')
@AccessControlled(CLOCK_ACCESS)
export class ClockController {
  constructor(@Inject(TIME_TRAVEL) private readonly timeTravel: TimeTravel) {}

  @Get()
  @ApiOperation({ summary: 'The manual clock: current business time' })
  now(): { now: string; mode: 'manual' } {
    return { now: this.timeTravel.now().toISOString(), mode: 'manual' };
  }

  @Post('advance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move business time forward; returns after every timer that fell due has fired and been handled' })
  @ApiResponse({ status: 200, description: '`{ now, firedTimers, advancedMs }`' })
  async advance(@ValidBody(AdvanceClockSchema) body: AdvanceClock): Promise<{ now: string; firedTimers: number; advancedMs: number }> {
    const ms = advanceMillis(body);
    const { now, firedTimers } = await this.timeTravel.advance(ms);
    return { now, firedTimers, advancedMs: ms };
  }
}
