import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { withoutUndefined } from '@aftersales/kernel';
import { AccessControlled, ApiRead, Caller, listScope, ValidQuery, type Identity } from '@aftersales/nest';
import type { WorkQueueQueries } from '../application/work-queue.queries';
import { WORK_QUEUE_ACCESS } from './work-queue.access';
import { SlaBreachesParams, SlaBreachesPerDaySchema, WorkQueuePageSchema, WorkQueueParams } from './work-queue.schemas';
import { WORK_QUEUE_QUERIES } from './work-queue.tokens';

@ApiTags('work-queue')
@Controller('work-queue')
@AccessControlled(WORK_QUEUE_ACCESS)
export class WorkQueueController {
  constructor(@Inject(WORK_QUEUE_QUERIES) private readonly queue: WorkQueueQueries) {}

  @Get()
  @ApiRead({
    summary: 'What waits on the shop, earliest due first: refunds waiting for the merchant, cases, evidence requests, compensations awaiting approval',
    description:
      "Shop staff see their shops' items (shopId outside them: 403), platform and finance every shop's. overdue=true: the items a breach " +
      'event recorded as overdue (the supervisor’s view). counts=true adds the open items per kind of the caller’s scope (tabs of a queue).',
    response: WorkQueuePageSchema,
  })
  async list(@ValidQuery(WorkQueueParams) query: WorkQueueParams, @Caller() caller: Identity) {
    const { shopIds } = listScope(caller, query, WORK_QUEUE_ACCESS.operations.list.rule);
    const { kind, assigneeId, overdue, limit, cursor, counts } = query;
    const [page, tally] = await Promise.all([
      this.queue.page(withoutUndefined({ shopIds, kind, assigneeId, overdue, limit, cursor })),
      counts ? this.queue.counts(withoutUndefined({ shopIds, assigneeId })) : undefined,
    ]);
    return tally ? { ...page, counts: tally } : page;
  }

  @Get('sla-breaches')
  @ApiRead({
    summary: 'SLA breaches per day and metric: the deadlines of cases and bad-review follow-ups that passed while they ran',
    description:
      "Counted from the breach events (DisputeSlaBreached, ReviewFollowUpSlaBreached), rebuilt with the work queue. Supervisors see their shops' (shopId outside them: 403), the platform every shop's. Days are UTC.",
    response: SlaBreachesPerDaySchema,
  })
  async slaBreaches(@ValidQuery(SlaBreachesParams) query: SlaBreachesParams, @Caller() caller: Identity) {
    const { shopIds } = listScope(caller, query, WORK_QUEUE_ACCESS.operations.slaBreaches.rule);
    return this.queue.slaBreaches(withoutUndefined({ shopIds, from: query.from, to: query.to }));
  }
}
