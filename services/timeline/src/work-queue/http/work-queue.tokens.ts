/** How the process reads the work queue (documents fed by the log projection or by the bus). */
export const WORK_QUEUE_QUERIES = 'WORK_QUEUE_QUERIES';
