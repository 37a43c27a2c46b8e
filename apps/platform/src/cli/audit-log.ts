import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SystemClock, type EventStore } from '@aftersales/kernel';
import { KurrentEventStore } from '@aftersales/kurrent';
import { SqliteEventStore } from '@aftersales/sqlite';
import { eventStoreConfigFromEnv } from '../config';

/**
 * The log an audit CLI replays: `<dataDir>/events.db`, or with AFTERSALES_STORE=esdb the namespace
 * AFTERSALES_ESDB_NAMESPACE on AFTERSALES_ESDB_URL, opened read-only beside the running writer. A string: why there is none.
 */
export function openAuditLog(dataDir: string, env: NodeJS.ProcessEnv = process.env): EventStore | string {
  const config = eventStoreConfigFromEnv(env);
  if (config.kind === 'esdb') {
    return new KurrentEventStore({ connection: config.url, namespace: config.namespace, clock: new SystemClock(), recentEvents: 0, readOnly: true });
  }
  const path = join(dataDir, 'events.db');
  return existsSync(path) ? new SqliteEventStore({ path, clock: new SystemClock() }) : `no ${path}`;
}
