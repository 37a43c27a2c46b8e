import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRead, resourceResponse, type HttpResponseLike } from '@aftersales/nest';
import type { ReadModelStore } from '@aftersales/kernel';
import type { TimelineDocument } from '../domain/timeline-entry';
import { TIMELINE_READ_MODELS } from './timeline.tokens';

@ApiTags('orders')
@Controller('orders')
export class TimelineController {
  constructor(@Inject(TIMELINE_READ_MODELS) private readonly readModels: ReadModelStore) {}

  @Get(':orderId/timeline')
  @ApiRead({ summary: 'Everything that happened to the order across all services, in order: who, when, and what caused it' })
  async timeline(@Param('orderId') orderId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    const doc = await this.readModels.get<TimelineDocument>('timelines', orderId);
    const view = doc && { orderId, revision: doc.entries.length, entries: doc.entries };
    return resourceResponse(res, view, 'order', orderId);
  }
}
