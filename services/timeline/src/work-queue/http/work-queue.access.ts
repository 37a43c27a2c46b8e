import type { AccessTable } from '@aftersales/nest';

/**
 * The work queue: shop staff see their shops' items; platform and finance every shop's; buyers none. The breaches per
 * day are the supervisor's report (their shops) and the platform's (every shop).
 */
export const WORK_QUEUE_ACCESS: AccessTable = {
  capability: 'work-queue',
  operations: {
    list: { rule: 'work_queue.read', allow: { agent: 'shop', supervisor: 'shop', platform: 'any', finance: 'any' } },
    slaBreaches: { rule: 'work_queue.read_sla_breaches', allow: { supervisor: 'shop', platform: 'any' } },
  },
};
