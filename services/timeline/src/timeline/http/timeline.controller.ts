import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessControlled, ApiRead, resourceResponse, ValidQuery, type HttpResponseLike } from '@aftersales/nest';
import type { TimelineQueries } from '../application/timeline.queries';
import { TimelinePageSchema, TimelineParams } from './timeline.schemas';
import { TIMELINE_ACCESS } from './timeline.access';
import { TIMELINE_QUERIES } from './timeline.tokens';

@ApiTags('orders')
@Controller('orders')
@AccessControlled(TIMELINE_ACCESS)
export class TimelineController {
  constructor(@Inject(TIMELINE_QUERIES) private readonly timelines: TimelineQueries) {}

  @Get(':orderId/timeline')
  @ApiRead({
    summary: 'Everything that happened to the order across all services, in order: who, when, and what caused it; a page at a time; ?asOf: as it stood then',
    response: TimelinePageSchema,
  })
  async timeline(@Param('orderId') orderId: string, @ValidQuery(TimelineParams) query: TimelineParams, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.timelines.page(orderId, query), 'order', orderId);
  }
}
