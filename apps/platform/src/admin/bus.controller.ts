import { AccessControlled } from '@aftersales/nest';
import { BUS_ACCESS } from './admin.access';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GroupStatus } from '@aftersales/nest';
import { PROCESS_STATUS, type ProcessStatus } from './process-status';

@ApiTags('operations')
@Controller('admin/bus')
@AccessControlled(BUS_ACCESS)
export class BusController {
  constructor(@Inject(PROCESS_STATUS) private readonly status: ProcessStatus) {}

  @Get('lag')
  @ApiOperation({ summary: 'Consumer lag of each consumer group of this process (messages published but not yet handled)' })
  async lag(): Promise<{ lag: number; groups: GroupStatus[] }> {
    const groups = await this.status.groups();
    return { lag: groups.reduce((sum, group) => sum + group.lag, 0), groups };
  }
}
