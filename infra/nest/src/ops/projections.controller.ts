import { AccessControlled } from '../auth/access-table';
import { PROJECTIONS_ACCESS } from './ops.access';
import { Controller, Get, HttpCode, Inject, Optional, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { notFound } from '@aftersales/kernel';
import { PROJECTION_ADMIN, type ProjectionAdmin, type ProjectionRebuild } from './tokens';

export interface ProjectionStatus {
  name: string;
  checkpoint?: number;
}

@Controller('admin/projections')
@AccessControlled(PROJECTIONS_ACCESS)
export class ProjectionsController {
  constructor(@Optional() @Inject(PROJECTION_ADMIN) private readonly admin: ProjectionAdmin | null) {}

  @Get()
  @ApiOperation({ summary: 'Read models of this process and the log position each has processed' })
  async list(): Promise<{ projections: ProjectionStatus[] }> {
    const admin = this.admin;
    if (!admin) return { projections: [] };
    const projections = await Promise.all(
      admin.names().map(async (name): Promise<ProjectionStatus> => (admin.checkpoint ? { name, checkpoint: await admin.checkpoint(name) } : { name })),
    );
    return { projections };
  }

  @Post(':name/rebuild')
  @HttpCode(200)
  @ApiOperation({ summary: 'Drop a read model and rebuild it from the log, or a bus-fed view by replaying its consumer group from the start' })
  async rebuild(@Param('name') name: string): Promise<ProjectionRebuild> {
    if (!this.admin || !this.admin.names().includes(name)) throw notFound('Projection', name);
    return this.admin.rebuild(name);
  }
}
