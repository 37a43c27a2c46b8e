import { AccessControlled } from '@aftersales/nest';
import { SETTLE_ACCESS } from './admin.access';
import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Engine } from '@aftersales/kernel';
import { PROCESS_STATUS, totalLag, type ProcessStatus } from './process-status';

@ApiTags('operations')
@Controller('admin')
@AccessControlled(SETTLE_ACCESS)
export class SettleController {
  constructor(
    private readonly engine: Engine,
    @Inject(PROCESS_STATUS) private readonly status: ProcessStatus,
  ) {}

  @Post('settle')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Returns once every committed event is published, consumed, projected and its timers scheduled',
    description: '`head` is the position of the last event in this process’s log, `lag` what its consumers still have to handle.',
  })
  async settle(): Promise<{ settled: true; head: number; lag: number }> {
    await this.engine.settle();
    return { settled: true, head: await this.status.head(), lag: await totalLag(this.status) };
  }
}
