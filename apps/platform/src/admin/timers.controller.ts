import { AccessControlled } from '@aftersales/nest';
import { TIMERS_ACCESS } from './admin.access';
import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { ManualClock, TimerScheduler, TimerStore } from '@aftersales/kernel';
import { ValidBody, badRequest } from '@aftersales/nest';

export const MANUAL_TIMERS = 'aftersales:MANUAL_TIMERS';

/** A manual clock and the timers it drives, for a coordinator that moves several processes' clocks together. */
export interface ManualTimers {
  clock: ManualClock;
  timers: TimerStore;
  scheduler: TimerScheduler;
}

const SetClockSchema = Type.Object({ to: Type.String({ format: 'date-time', description: 'New business time (never earlier than now)' }) }, { additionalProperties: false });
type SetClock = Static<typeof SetClockSchema>;

/**
 * Per-process building blocks of POST /admin/clock/advance when the services run as separate processes: the gateway
 * asks every process for its next timer, moves every clock to the earliest, fires what fell due and settles all.
 * Only mounted with a manual clock.
 */
@ApiTags('operations')
@Controller('admin')
@AccessControlled(TIMERS_ACCESS)
export class TimersController {
  constructor(@Inject(MANUAL_TIMERS) private readonly manual: ManualTimers) {}

  @Get('timers/next')
  @ApiOperation({ summary: 'The earliest pending timer of this process, or null' })
  async next(): Promise<{ dueAt: string | null; timerId: string | null }> {
    const timer = await this.manual.timers.next();
    return { dueAt: timer?.dueAt ?? null, timerId: timer?.timerId ?? null };
  }

  @Post('timers/fire-due')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fires every timer due at the current business time; returns how many fired' })
  async fireDue(): Promise<{ fired: number }> {
    return { fired: await this.manual.scheduler.fireDue() };
  }

  @Post('clock/set')
  @HttpCode(200)
  @ApiOperation({ summary: 'Moves the manual clock to a time (forward only; the same time is a no-op)' })
  set(@ValidBody(SetClockSchema) body: SetClock): { now: string } {
    const to = Date.parse(body.to);
    if (Number.isNaN(to)) throw badRequest('Not a time', [{ field: '/to', message: 'must be an ISO date-time' }]);
    if (to < this.manual.clock.now().getTime()) {
      throw badRequest('The clock never moves backwards', [{ field: '/to', message: `must not be before ${this.manual.clock.now().toISOString()}` }]);
    }
    this.manual.clock.set(new Date(to));
    return { now: this.manual.clock.now().toISOString() };
  }
}
