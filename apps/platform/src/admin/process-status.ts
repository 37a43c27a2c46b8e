import type { GroupStatus } from '@aftersales/nest';

/** What the admin endpoints of one process need to know about its bus consumers and its log. */
export interface ProcessStatus {
  /** Position of the last event in this process's log. */
  head(): Promise<number>;
  /** Each consumer group of this process: lag and deliveries. */
  groups(): Promise<GroupStatus[]>;
}

export const PROCESS_STATUS = 'aftersales:PROCESS_STATUS';

export async function totalLag(status: ProcessStatus): Promise<number> {
  return (await status.groups()).reduce((sum, group) => sum + group.lag, 0);
}
